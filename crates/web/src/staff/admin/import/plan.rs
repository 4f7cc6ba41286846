//! Planning an upload against the registry: reading the resent file and its
//! mapping, checking every row, and the digest that tells whether a plan
//! still holds when it is applied.

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use base64::Engine;
use kizuna_core::Snapshot;
use kizuna_domain::Collection;
use kizuna_interop::sheets::{self, Format, Mapping, Plan, SheetError};

use super::{BASE64, Resend};
use crate::AppError;
use crate::http::auth::Staff;
use crate::staff::admin::problems::import_text;
use crate::staff::admin::records;

/// A digest of a preview's outcomes: applying goes ahead only when the
/// registry still gives the same.
pub(super) fn digest(plan: &Plan) -> String {
    let mut hasher = std::hash::DefaultHasher::new();
    serde_json::to_string(&plan.rows)
        .unwrap_or_default()
        .hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

/// Plans the upload against the registry as it is now.
pub(super) async fn plan_upload(
    snapshot: Arc<Snapshot>,
    staff: &Staff,
    upload: &Resend,
) -> Result<Result<Plan, String>, AppError> {
    let collection: Collection = upload
        .collection
        .parse()
        .map_err(|e: kizuna_domain::UnknownValue| AppError::BadRequest(e.to_string()))?;
    let bytes = BASE64.decode(upload.data.as_bytes()).map_err(|_| {
        AppError::BadRequest("the file was not sent back whole; upload it again".to_owned())
    })?;
    let mapping = match upload.mapping.trim() {
        "" => Mapping::default(),
        text => match Mapping::from_toml(text) {
            Ok(m) => m,
            Err(e) => return Ok(Err(sheet_error_text(&e))),
        },
    };
    let format = Format::of(&bytes, &upload.file_name);
    let user = staff.user.clone();
    // Reading and checking thousands of rows takes a while: off the async threads.
    let planned = tokio::task::spawn_blocking(move || {
        sheets::read_plan(&bytes, format, collection, &mapping, &snapshot, Some(&user))
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(planned.map_err(|e: SheetError| sheet_error_text(&e)))
}

/// Why a file cannot be imported, in the reader's language (the file's own
/// details, such as its headers or a parser's report, stay as read).
fn sheet_error_text(e: &SheetError) -> String {
    let name =
        |c: &Collection| records::tx("admin-records", &[("collection", c.as_str())]).to_lowercase();
    match e {
        SheetError::NoRows => crate::http::lang::t("import-file-no-rows"),
        SheetError::WrongCollection { wanted, looks_like } => records::tx(
            "import-file-wrong-collection",
            &[
                ("wanted", wanted.as_str()),
                ("looks_like", looks_like.as_str()),
                ("wanted_name", &name(wanted)),
                ("looks_like_name", &name(looks_like)),
            ],
        ),
        SheetError::NotASheet(reason) | SheetError::Header(reason) => import_text(reason),
        SheetError::Mapping(reason) => records::tx(
            "import-file-mapping-wrong",
            &[("detail", &import_text(reason))],
        ),
    }
}
