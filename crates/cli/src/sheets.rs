//! `kizuna import csv|xlsx FILE --collection C` and `kizuna export csv|xlsx
//! --collection C`: one collection as a spreadsheet, out and back in.
//!
//! An import prints every row's outcome; any error row means nothing is
//! written and the exit status is 1. What is written is one change set in
//! the change log (an admin can revert it in one step).

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use kizuna_core::read::Lookup;
use kizuna_core::{Registry, Writer};
use kizuna_domain::{Collection, StatusContext};
use kizuna_interop::sheets::{self, Filters, Format, Mapping, Outcome, Plan};

/// The options of `kizuna import csv|xlsx`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ImportArgs {
    /// csv, xlsx: the collection the sheet holds.
    #[arg(long, value_parser = collection_parser())]
    pub collection: Option<Collection>,
    /// csv, xlsx: say what each row would do, write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// csv, xlsx: a mapping file (TOML): `sheet = "Name"`, `[columns]` "Header" = "field"
    /// (or "" to ignore it), `[defaults]` field = "value" for new records.
    #[arg(long = "map", value_name = "MAPPING.toml")]
    pub map: Option<PathBuf>,
}

/// The options of `kizuna export csv|xlsx`: the collection and the API's list filters.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ExportArgs {
    /// csv, xlsx: the collection to export.
    #[arg(long, value_parser = collection_parser())]
    pub collection: Option<Collection>,
    /// csv, xlsx: a country (on agreements and programmes: a partner's).
    #[arg(long)]
    pub country: Option<String>,
    /// csv, xlsx: a kind.
    #[arg(long)]
    pub kind: Option<String>,
    /// csv, xlsx: an agreement level.
    #[arg(long)]
    pub level: Option<String>,
    /// csv, xlsx: an agreement status.
    #[arg(long)]
    pub status: Option<String>,
    /// csv, xlsx: an education level.
    #[arg(long)]
    pub education_level: Option<String>,
    /// csv, xlsx: a career stage (funding).
    #[arg(long)]
    pub career_stage: Option<String>,
    /// csv, xlsx: a partner organisation's id.
    #[arg(long)]
    pub partner: Option<String>,
    /// csv, xlsx: a home unit's id.
    #[arg(long)]
    pub unit: Option<String>,
    /// csv, xlsx: an ISCED-F code (agreements).
    #[arg(long)]
    pub subject_area: Option<String>,
    /// csv, xlsx: text in names or titles.
    #[arg(long)]
    pub q: Option<String>,
}

impl ExportArgs {
    fn filters(&self) -> Filters {
        Filters {
            country: self.country.clone(),
            kind: self.kind.clone(),
            level: self.level.clone(),
            status: self.status.clone(),
            education_level: self.education_level.clone(),
            career_stage: self.career_stage.clone(),
            partner: self.partner.clone(),
            unit: self.unit.clone(),
            subject_area: self.subject_area.clone(),
            q: self.q.clone(),
        }
    }
}

/// Lists the collections in `--help` and in the error for an unknown one.
fn collection_parser() -> impl clap::builder::TypedValueParser<Value = Collection> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(Collection::ALL.iter().map(|c| c.as_str())).map(|s| {
        s.parse::<Collection>()
            .expect("only listed collections get here")
    })
}

fn required(collection: Option<Collection>) -> anyhow::Result<Collection> {
    collection.context("say which collection the sheet holds with --collection (organisations, agreements, programmes, funding or contacts)")
}

/// Imports a sheet: prints every row's outcome, writes nothing on any error
/// (or with `--dry-run`), else writes one change set.
pub async fn import(
    registry: &Registry,
    format: Format,
    file: &Path,
    args: &ImportArgs,
) -> anyhow::Result<()> {
    let collection = required(args.collection)?;
    let mapping = match &args.map {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            Mapping::from_toml(&text).with_context(|| format!("reading {}", path.display()))?
        }
        None => Mapping::default(),
    };
    let bytes = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
    let writer = Writer::load(registry.clone())
        .await
        .context("reading the registry")?;
    let plan = sheets::read_plan(
        &bytes,
        format,
        collection,
        &mapping,
        writer.snapshot(),
        None,
    )
    .with_context(|| format!("{} cannot be imported", file.display()))?;
    print_report(&plan);
    let counts = plan.counts();
    if counts.errors > 0 {
        bail!("nothing was imported: {} row(s) have errors", counts.errors);
    }
    if args.dry_run {
        println!("Dry run: nothing was written.");
        return Ok(());
    }
    let set = sheets::apply(&writer, &plan, None, "import")
        .await
        .context("writing the records")?;
    match set.revisions {
        Some((first, last)) => println!(
            "Written as one change set: revisions {first}–{last} ({} created, {} updated).",
            set.report.created, set.report.updated
        ),
        None => println!("Nothing to write: the registry already holds all of it."),
    }
    Ok(())
}

/// Prints each row's outcome, then the counts.
fn print_report(plan: &Plan) {
    let ignored = plan.header.ignored();
    if !ignored.is_empty() {
        println!("Ignored columns: {}", ignored.join(", "));
    }
    for row in &plan.rows {
        let id = row.id.as_deref().unwrap_or("-");
        match &row.outcome {
            Outcome::Created => println!("row {}: created {id}", row.line),
            Outcome::Changed(fields) => {
                println!("row {}: changed {id} ({})", row.line, fields.join(", "))
            }
            Outcome::Unchanged => println!("row {}: unchanged {id}", row.line),
            Outcome::Error(errors) => {
                for e in errors {
                    println!(
                        "row {}: error in column {}: {}",
                        row.line, e.column, e.message
                    );
                }
            }
        }
        for note in &row.notes {
            println!("row {}:   {note}", row.line);
        }
    }
    let c = plan.counts();
    println!(
        "{} rows: {} created, {} changed, {} unchanged, {} with errors.",
        plan.rows.len(),
        c.created,
        c.changed,
        c.unchanged,
        c.errors
    );
}

/// Writes a collection (every record, internal ones too) as a sheet, to
/// `out` or standard output.
pub async fn export(
    registry: &Registry,
    format: Format,
    args: &ExportArgs,
    out: Option<&Path>,
    status: StatusContext,
) -> anyhow::Result<()> {
    let collection = required(args.collection)?;
    let snapshot = registry.snapshot().await.context("reading the registry")?;
    let lookup = Lookup::new(&snapshot, status, false);
    let sheet = sheets::select(&lookup, collection, &args.filters()).map_err(anyhow::Error::msg)?;
    let bytes = match format {
        Format::Csv => sheets::write_csv(&sheet),
        Format::Xlsx => {
            sheets::write_xlsx(&sheet, collection.as_str()).context("writing the workbook")?
        }
    };
    match out {
        Some(path) => {
            std::fs::write(path, &bytes).with_context(|| format!("writing {}", path.display()))?;
            eprintln!(
                "Wrote {} {collection} to {}.",
                sheet.rows.len(),
                path.display()
            );
        }
        None => {
            use std::io::Write;
            std::io::stdout()
                .write_all(&bytes)
                .context("writing to standard output")?;
        }
    }
    Ok(())
}
