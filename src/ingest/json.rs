//! JSON records: one object per `.json` file or per `.jsonl` line, with `text` (required) and
//! optional `id`, `title`, `url`, `published`. Other fields are ignored.

use serde_json::{Map, Value};

use super::hdate;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Record {
    pub id: Option<String>,
    pub text: String,
    pub title: Option<String>,
    pub url: Option<String>,
    /// Normalised to `YYYY-MM-DD` / `YYYY-MM`; a value that is not a date is dropped with a warning.
    pub published: Option<String>,
    pub warnings: Vec<String>,
}

fn string_field(map: &Map<String, Value>, key: &str, warnings: &mut Vec<String>) -> Option<String> {
    match map.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => {
            let s = s.trim();
            (!s.is_empty()).then(|| s.to_string())
        }
        Some(Value::Number(n)) if key == "id" => Some(n.to_string()),
        Some(other) => {
            warnings.push(format!(
                "field \"{key}\" ignored: expected a string, found {}",
                kind(other)
            ));
            None
        }
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Parses one record; the error says what is wrong with it.
pub fn parse(source: &str) -> Result<Record, String> {
    let value: Value = serde_json::from_str(source).map_err(|e| format!("not valid JSON: {e}"))?;
    let Value::Object(map) = value else {
        return Err(format!("expected a JSON object, found {}", kind(&value)));
    };
    let text = match map.get("text") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(Value::String(_)) => return Err("\"text\" is empty".into()),
        Some(other) => return Err(format!("\"text\" must be a string, found {}", kind(other))),
        None => return Err("record has no \"text\" field".into()),
    };
    let mut warnings = Vec::new();
    let id = string_field(&map, "id", &mut warnings);
    let title = string_field(&map, "title", &mut warnings);
    let url = string_field(&map, "url", &mut warnings);
    let published = string_field(&map, "published", &mut warnings).and_then(|p| {
        let iso = hdate::normalize(&p);
        if iso.is_none() {
            warnings.push(format!(
                "\"published\" value \"{p}\" is not a date with a year; ignored"
            ));
        }
        iso
    });
    Ok(Record {
        id,
        text,
        title,
        url,
        published,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_record() {
        let r = parse(r#"{"id": "a1", "text": "To Lam met Dong Jun.", "title": " Talks ", "url": "https://x.org/2024/08/20/t", "published": "2024-12-20T10:00:00Z", "extra": [1]}"#).unwrap();
        assert_eq!(r.id.as_deref(), Some("a1"));
        assert_eq!(r.title.as_deref(), Some("Talks"));
        assert_eq!(r.published.as_deref(), Some("2024-12-20"));
        assert!(r.warnings.is_empty());
    }

    #[test]
    fn numeric_id_and_odd_fields() {
        let r = parse(r#"{"id": 7, "text": "x", "title": 3, "published": "last week"}"#).unwrap();
        assert_eq!(r.id.as_deref(), Some("7"));
        assert_eq!(r.title, None);
        assert_eq!(r.published, None);
        assert_eq!(r.warnings.len(), 2);
    }

    #[test]
    fn bad_records() {
        assert!(parse("{\"text\": 1}")
            .unwrap_err()
            .contains("must be a string"));
        assert!(parse("{\"title\": \"t\"}")
            .unwrap_err()
            .contains("no \"text\""));
        assert!(parse("{\"text\": \"  \"}").unwrap_err().contains("empty"));
        assert!(parse("[1, 2]").unwrap_err().contains("object"));
        assert!(parse("{\"text\": ").unwrap_err().contains("not valid JSON"));
    }
}
