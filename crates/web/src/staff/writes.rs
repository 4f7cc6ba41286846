//! The one path every change takes, from forms and from the JSON API alike:
//! permission, validation, references, optimistic concurrency, audit.
