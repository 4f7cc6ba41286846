//! Whether a record breaks a text rule, found by serialising it into nothing:
//! every string the record would put in its JSON document is looked at as
//! it is produced, with the field's shape (`sections.intro`) to tell its
//! kind, and no document is built. An import checks every record and nearly
//! all are fine, so this is the common path; a record with a problem is then
//! walked as a document to name each field.

use std::fmt;

use serde::Serialize;
use serde::ser;

use super::{TextKind, breaks_rules, join};

/// Whether any text `value` serialises breaks the text rules; `kinds` as
/// for [`super::text_problems`].
pub(super) fn has_problem<T: Serialize + ?Sized>(value: &T, kinds: &[(&str, TextKind)]) -> bool {
    let mut scan = Scan {
        shape: String::new(),
        kinds,
    };
    // Anything but a clean pass (a problem, or a value this scan cannot
    // follow) sends the caller to the full walk, which decides.
    value.serialize(&mut scan).is_err()
}

/// Looks at every string of a value, knowing the field shape it is at.
struct Scan<'k> {
    /// The field path without list positions, as [`super::text_problems`] matches kinds.
    shape: String,
    kinds: &'k [(&'k str, TextKind)],
}

impl Scan<'_> {
    fn text(&self, text: &str) -> Result<(), Found> {
        let kind = self
            .kinds
            .iter()
            .find(|(field, _)| *field == self.shape.as_str())
            .map_or(TextKind::Line, |(_, kind)| *kind);
        if breaks_rules(text, kind) {
            Err(Found::Problem)
        } else {
            Ok(())
        }
    }

    /// Serialises `value` as the field `key` of the current object.
    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Found> {
        let at = self.shape.len();
        join(&mut self.shape, key);
        let result = value.serialize(&mut *self);
        self.shape.truncate(at);
        result
    }
}

/// Why scanning stopped.
#[derive(Debug)]
enum Found {
    /// A text breaks a rule.
    Problem,
    /// The value could not be serialised at all.
    Unserialisable,
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Found::Problem => "a text breaks a rule",
            Found::Unserialisable => "the value does not serialise",
        })
    }
}

impl std::error::Error for Found {}

impl ser::Error for Found {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Found::Unserialisable
    }
}

/// A list, object or variant being scanned; `restore` is the shape length to
/// return to at its end (variants add their name as a field).
struct Compound<'s, 'k> {
    scan: &'s mut Scan<'k>,
    restore: Option<usize>,
    /// An object's key waiting for its value.
    key: String,
}

impl<'s, 'k> Compound<'s, 'k> {
    fn new(scan: &'s mut Scan<'k>) -> Self {
        Compound {
            scan,
            restore: None,
            key: String::new(),
        }
    }

    /// A variant's content, which the document holds under the variant's name.
    fn variant(scan: &'s mut Scan<'k>, variant: &str) -> Self {
        let at = scan.shape.len();
        join(&mut scan.shape, variant);
        Compound {
            scan,
            restore: Some(at),
            key: String::new(),
        }
    }

    fn end(self) -> Result<(), Found> {
        if let Some(at) = self.restore {
            self.scan.shape.truncate(at);
        }
        Ok(())
    }
}

impl<'s, 'k> ser::Serializer for &'s mut Scan<'k> {
    type Ok = ();
    type Error = Found;
    type SerializeSeq = Compound<'s, 'k>;
    type SerializeTuple = Compound<'s, 'k>;
    type SerializeTupleStruct = Compound<'s, 'k>;
    type SerializeTupleVariant = Compound<'s, 'k>;
    type SerializeMap = Compound<'s, 'k>;
    type SerializeStruct = Compound<'s, 'k>;
    type SerializeStructVariant = Compound<'s, 'k>;

    fn serialize_bool(self, _: bool) -> Result<(), Found> {
        Ok(())
    }
    fn serialize_i8(self, _: i8) -> Result<(), Found> {
        Ok(())
    }
    fn serialize_i16(self, _: i16) -> Result<(), Found> {
        Ok(())
    }
    fn serialize_i32(self, _: i32) -> Result<(), Found> {
        Ok(())
    }
    fn serialize_i64(self, _: i64) -> Result<(), Found> {
        Ok(())
    }
    fn serialize_i128(self, _: i128) -> Result<(), Found> {
        Ok(())
    }
    fn serialize_u8(self, _: u8) -> Result<(), Found> {
        Ok(())
    }
    fn serialize_u16(self, _: u16) -> Result<(), Found> {
        Ok(())
    }
    fn serialize_u32(self, _: u32) -> Result<(), Found> {
        Ok(())
    }
    fn serialize_u64(self, _: u64) -> Result<(), Found> {
        Ok(())
    }
    fn serialize_u128(self, _: u128) -> Result<(), Found> {
        Ok(())
    }
    fn serialize_f32(self, _: f32) -> Result<(), Found> {
        Ok(())
    }
    fn serialize_f64(self, _: f64) -> Result<(), Found> {
        Ok(())
    }
    fn serialize_char(self, c: char) -> Result<(), Found> {
        self.text(c.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, text: &str) -> Result<(), Found> {
        self.text(text)
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Found> {
        // A JSON document holds bytes as a list of numbers.
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Found> {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Found> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Found> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Found> {
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Found> {
        self.text(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Found> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Found> {
        self.field(variant, value)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Found> {
        Ok(Compound::new(self))
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Found> {
        Ok(Compound::new(self))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Found> {
        Ok(Compound::new(self))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Found> {
        Ok(Compound::variant(self, variant))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Found> {
        Ok(Compound::new(self))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Found> {
        Ok(Compound::new(self))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Found> {
        Ok(Compound::variant(self, variant))
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = Found;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Found> {
        value.serialize(&mut *self.scan)
    }
    fn end(self) -> Result<(), Found> {
        Compound::end(self)
    }
}

impl ser::SerializeTuple for Compound<'_, '_> {
    type Ok = ();
    type Error = Found;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Found> {
        value.serialize(&mut *self.scan)
    }
    fn end(self) -> Result<(), Found> {
        Compound::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Found;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Found> {
        value.serialize(&mut *self.scan)
    }
    fn end(self) -> Result<(), Found> {
        Compound::end(self)
    }
}

impl ser::SerializeTupleVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Found;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Found> {
        value.serialize(&mut *self.scan)
    }
    fn end(self) -> Result<(), Found> {
        Compound::end(self)
    }
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Found;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Found> {
        // Keys are field names, not texts: the document's walk does not check
        // them either. Records rarely hold maps, so building the name costs little.
        self.key = match serde_json::to_value(key) {
            Ok(serde_json::Value::String(name)) => name,
            Ok(other) => other.to_string(),
            Err(_) => return Err(Found::Unserialisable),
        };
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Found> {
        let key = std::mem::take(&mut self.key);
        let result = self.scan.field(&key, value);
        self.key = key;
        result
    }
    fn end(self) -> Result<(), Found> {
        Compound::end(self)
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Found;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Found> {
        self.scan.field(key, value)
    }
    fn end(self) -> Result<(), Found> {
        Compound::end(self)
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Found;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Found> {
        self.scan.field(key, value)
    }
    fn end(self) -> Result<(), Found> {
        Compound::end(self)
    }
}

#[cfg(test)]
mod tests;
