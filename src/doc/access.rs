//! Small typed readers and minimal writers over Automerge maps. Writers only emit an
//! operation when the value actually changes, so merges stay fine-grained and
//! documents stay small.

use automerge::transaction::Transactable;
use automerge::{hydrate, AutoCommit, ObjId, ObjType, ReadDoc, ScalarValue, Value};

use super::DocError;

pub(crate) fn get_str(doc: &AutoCommit, obj: &ObjId, key: &str) -> Option<String> {
    match doc.get(obj, key).ok()?? {
        (Value::Scalar(s), _) => match s.as_ref() {
            ScalarValue::Str(s) => Some(s.to_string()),
            _ => None,
        },
        (Value::Object(ObjType::Text), id) => doc.text(&id).ok(),
        _ => None,
    }
}

pub(crate) fn get_i64(doc: &AutoCommit, obj: &ObjId, key: &str) -> Option<i64> {
    match doc.get(obj, key).ok()?? {
        (Value::Scalar(s), _) => match s.as_ref() {
            ScalarValue::Int(n) => Some(*n),
            ScalarValue::Uint(n) => i64::try_from(*n).ok(),
            ScalarValue::Timestamp(n) => Some(*n),
            ScalarValue::F64(f) if f.is_finite() => Some(*f as i64),
            _ => None,
        },
        _ => None,
    }
}

pub(crate) fn get_u32(doc: &AutoCommit, obj: &ObjId, key: &str) -> Option<u32> {
    get_i64(doc, obj, key).and_then(|n| u32::try_from(n).ok())
}

pub(crate) fn get_map(doc: &AutoCommit, obj: &ObjId, key: &str) -> Option<ObjId> {
    match doc.get(obj, key).ok()?? {
        (Value::Object(ObjType::Map), id) => Some(id),
        _ => None,
    }
}

pub(crate) fn get_list(doc: &AutoCommit, obj: &ObjId, key: &str) -> Option<ObjId> {
    match doc.get(obj, key).ok()?? {
        (Value::Object(ObjType::List), id) => Some(id),
        _ => None,
    }
}

pub(crate) fn set_str(
    doc: &mut AutoCommit,
    obj: &ObjId,
    key: &str,
    value: &str,
) -> Result<bool, DocError> {
    // Writing an unchanged value would still send an operation in every link.
    let changed = get_str(doc, obj, key).as_deref() != Some(value);
    if changed {
        doc.put(obj, key, value)?;
    }
    Ok(changed)
}

pub(crate) fn set_i64(
    doc: &mut AutoCommit,
    obj: &ObjId,
    key: &str,
    value: i64,
) -> Result<bool, DocError> {
    let changed = get_i64(doc, obj, key) != Some(value);
    if changed {
        doc.put(obj, key, value)?;
    }
    Ok(changed)
}

/// Returns the map at `key`, creating it when absent.
pub(crate) fn ensure_map(doc: &mut AutoCommit, obj: &ObjId, key: &str) -> Result<ObjId, DocError> {
    match get_map(doc, obj, key) {
        Some(id) => Ok(id),
        None => Ok(doc.put_object(obj, key, ObjType::Map)?),
    }
}

/// Readers over a hydrated map: one `hydrate` of a subtree is many times faster than a
/// `get` per field.
pub(crate) fn field_str(map: &hydrate::Map, key: &str) -> Option<String> {
    match map.get(key)? {
        hydrate::Value::Scalar(ScalarValue::Str(s)) => Some(s.to_string()),
        hydrate::Value::Text(t) => Some(t.to_string()),
        _ => None,
    }
}

pub(crate) fn field_i64(map: &hydrate::Map, key: &str) -> Option<i64> {
    match map.get(key)? {
        hydrate::Value::Scalar(ScalarValue::Int(n)) => Some(*n),
        hydrate::Value::Scalar(ScalarValue::Uint(n)) => i64::try_from(*n).ok(),
        hydrate::Value::Scalar(ScalarValue::Timestamp(n)) => Some(*n),
        _ => None,
    }
}

pub(crate) fn field_u32(map: &hydrate::Map, key: &str) -> Option<u32> {
    field_i64(map, key).and_then(|n| u32::try_from(n).ok())
}

pub(crate) fn field_bool(map: &hydrate::Map, key: &str) -> bool {
    matches!(
        map.get(key),
        Some(hydrate::Value::Scalar(ScalarValue::Boolean(true)))
    )
}

pub(crate) fn field_map<'a>(map: &'a hydrate::Map, key: &str) -> Option<&'a hydrate::Map> {
    match map.get(key)? {
        hydrate::Value::Map(m) => Some(m),
        _ => None,
    }
}

pub(crate) fn field_f64(map: &hydrate::Map, key: &str) -> Option<f64> {
    match map.get(key)? {
        hydrate::Value::Scalar(ScalarValue::F64(f)) if f.is_finite() => Some(*f),
        hydrate::Value::Scalar(ScalarValue::Int(n)) => Some(*n as f64),
        hydrate::Value::Scalar(ScalarValue::Uint(n)) => Some(*n as f64),
        _ => None,
    }
}
