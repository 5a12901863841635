// A steady clock for a recording (src/web/recorder.rs): timers in a hidden page slow to
// once a second, a dedicated worker's do not, and the screen being recorded is usually
// another window. The first message sets the interval in milliseconds.
onmessage = (event) => {
  setInterval(() => postMessage(0), event.data);
};
