// What the interop readers and the link-forging end-to-end test share: the CRC-32 the
// share frame uses, and a tiny check runner that prints one line per check.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as in zlib and PNG. */
export function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Runs named checks, counts them, and ends the process with a summary line. */
export function checks(label) {
  let passed = 0;
  let failed = 0;
  return {
    check(name, fn) {
      try {
        const note = fn();
        passed++;
        console.log(`ok - ${name}${note ? ` (${note})` : ''}`);
      } catch (e) {
        failed++;
        console.log(`FAILED - ${name}: ${e.stack ?? e}`);
      }
    },
    /** Stops at once: nothing further can be checked. */
    abort(message) {
      console.log(`FAILED - ${message}`);
      console.log(`${label}: ${passed} passed, ${failed + 1} failed`);
      process.exit(1);
    },
    finish() {
      console.log(`${label}: ${passed} passed, ${failed} failed`);
      process.exit(failed ? 1 : 0);
    },
  };
}

export function eq(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}\n  expected ${e}\n  actual   ${a}`);
}
