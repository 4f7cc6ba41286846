//! `kizuna-bench sheet-import`: the time and peak memory of `kizuna import`
//! of a generated agreement sheet (5,000 rows by default, naming 1,000
//! partner institutions, each new to the registry and named again by its PIC
//! in four more rows), as CSV and as an Excel workbook, into fresh SQLite
//! registries holding the Japan dataset. Prints a Markdown table; writes no file.

use std::path::Path;

use anyhow::{Context, bail};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

use crate::kizuna::{Finished, Kizuna};
use crate::rng::Rng;

/// `--help` of the subcommand.
const USAGE: &str =
    "kizuna-bench sheet-import: times `kizuna import csv|xlsx` of a generated agreement sheet.

Options:
  --rows N       rows of the sheet (default 5000; one partner per five rows)
  --kizuna PATH  kizuna binary (default: `kizuna` next to this executable)
  --work-dir DIR where the registries go (default: a new temporary directory, removed afterwards)";

const COLUMNS: [&str; 12] = [
    "Title",
    "Kind",
    "Level",
    "Partner",
    "Country",
    "PIC",
    "Erasmus code",
    "Start date",
    "End date",
    "Places out",
    "Languages",
    "Academic years",
];
const COUNTRIES: [&str; 20] = [
    "DE", "FR", "IT", "ES", "NL", "BE", "AT", "PL", "CZ", "FI", "NO", "DK", "PT", "IE", "GR", "HU",
    "JP", "KR", "US", "CA",
];
const SYLLABLES: [&str; 24] = [
    "ka", "lo", "mi", "ra", "ven", "tor", "sel", "dun", "bri", "ost", "fal", "gen", "hav", "ilm",
    "jor", "kes", "lun", "mar", "nor", "pel", "quin", "ros", "sut", "ver",
];

/// One generated row.
struct Row {
    title: String,
    partner: String,
    country: &'static str,
    pic: f64,
    erasmus: String,
    start: (u16, u8, u8),
    end_year: u16,
    places: f64,
}

fn rows(count: usize) -> Vec<Row> {
    let mut rng = Rng::new(7);
    let partners: Vec<(String, &'static str, f64)> = (0..count.div_ceil(5))
        .map(|i| {
            let word: String = (0..6)
                .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                .collect();
            let name = format!(
                "Universitas {}{} {}",
                &word[..1].to_uppercase(),
                &word[1..],
                i
            );
            (
                name,
                COUNTRIES[i % COUNTRIES.len()],
                900_000_000.0 + i as f64,
            )
        })
        .collect();
    (0..count)
        .map(|i| {
            let (partner, country, pic) = partners[i / 5].clone();
            Row {
                title: format!("Student exchange {i} with {partner}"),
                erasmus: format!("S\u{a0} BENCH{:04}", i / 5),
                partner,
                country,
                pic,
                start: (2027, 1 + (i % 12) as u8, 1),
                end_year: 2030 + (i % 4) as u16,
                places: (1 + i % 6) as f64,
            }
        })
        .collect()
}

/// The sheet as Excel writes CSV in Sweden: `;`-separated, dates day first.
fn csv(rows: &[Row]) -> String {
    let mut out = COLUMNS.join(";");
    for r in rows {
        out.push_str(&format!(
            "\r\n{};student exchange;Central;{};{};{:.1};{};{:02}/{:02}/{};{};{};en B2;2027/28-2030/31",
            r.title, r.partner, r.country, r.pic, r.erasmus, r.start.2, r.start.1, r.start.0, r.end_year, r.places
        ));
    }
    out
}

/// The sheet as a workbook: date cells, PICs as numbers.
fn xlsx(rows: &[Row]) -> anyhow::Result<Vec<u8>> {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let ws = book.add_worksheet();
    for (c, title) in COLUMNS.iter().enumerate() {
        ws.write_string(0, c as u16, *title)?;
    }
    for (i, r) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        ws.write_string(row, 0, &r.title)?;
        ws.write_string(row, 1, "student_exchange")?;
        ws.write_string(row, 2, "central")?;
        ws.write_string(row, 3, &r.partner)?;
        ws.write_string(row, 4, r.country)?;
        ws.write_number(row, 5, r.pic)?;
        ws.write_string(row, 6, &r.erasmus)?;
        let (y, m, d) = r.start;
        ws.write_datetime_with_format(row, 7, &ExcelDateTime::from_ymd(y, m, d)?, &date)?;
        ws.write_number(row, 8, f64::from(r.end_year))?;
        ws.write_number(row, 9, r.places)?;
        ws.write_string(row, 10, "en B2")?;
        ws.write_string(row, 11, "2027/28-2030/31")?;
    }
    Ok(book.save_to_buffer()?)
}

/// A fresh registry holding the Japan dataset.
fn fresh(binary: &Path, work: &Path, name: &str) -> anyhow::Result<Kizuna> {
    let dir = work.join(name);
    std::fs::create_dir_all(&dir)?;
    let kizuna = Kizuna::new(binary, &dir);
    kizuna.run(&["demo"])?;
    Ok(kizuna)
}

fn line(what: &str, rows: usize, run: &Finished) -> String {
    let seconds = run.elapsed.as_secs_f64();
    let peak = run
        .peak_kb
        .map(|kb| format!("{:.0} MB", kb as f64 / 1024.0))
        .unwrap_or_else(|| "?".into());
    format!(
        "| {what} | {seconds:.2} s | {:.0} rows/s | {peak} |",
        rows as f64 / seconds.max(0.001)
    )
}

/// Runs the subcommand with its flags.
pub fn main(args: &[String]) -> anyhow::Result<()> {
    let mut count = 5_000;
    let mut binary = std::env::current_exe()?.with_file_name("kizuna");
    let mut work_dir = None;
    let mut args = args.iter();
    while let Some(flag) = args.next() {
        if flag == "--help" || flag == "-h" {
            println!("{USAGE}");
            return Ok(());
        }
        let value = args
            .next()
            .with_context(|| format!("{flag} needs a value\n\n{USAGE}"))?;
        match flag.as_str() {
            "--rows" => count = value.parse().context("--rows takes a number")?,
            "--kizuna" => binary = value.into(),
            "--work-dir" => work_dir = Some(std::path::PathBuf::from(value)),
            other => bail!("unknown flag {other}\n\n{USAGE}"),
        }
    }
    if !binary.exists() {
        bail!(
            "{} is missing: run `cargo build --release -p kizuna` first, or pass --kizuna PATH",
            binary.display()
        );
    }
    let temporary = work_dir.is_none();
    let work = work_dir.unwrap_or_else(|| {
        std::env::temp_dir().join(format!("kizuna-sheet-bench-{}", std::process::id()))
    });
    std::fs::create_dir_all(&work)?;
    let rows = rows(count);
    let csv_file = work.join("agreements.csv");
    let xlsx_file = work.join("agreements.xlsx");
    std::fs::write(&csv_file, csv(&rows))?;
    std::fs::write(&xlsx_file, xlsx(&rows)?)?;
    let (csv_path, xlsx_path) = (
        csv_file.display().to_string(),
        xlsx_file.display().to_string(),
    );
    let import = |kizuna: &Kizuna, format: &str, file: &str, dry: bool| {
        let mut args = vec!["import", format, file, "--collection", "agreements"];
        if dry {
            args.push("--dry-run");
        }
        kizuna.run(&args)
    };

    let mut table = vec![
        format!(
            "Importing a {count}-row agreement sheet ({} new partners) into the Japan registry:",
            count.div_ceil(5)
        ),
        String::new(),
        "| run | time | rate | peak memory |".to_owned(),
        "| --- | --- | --- | --- |".to_owned(),
    ];
    let csv_registry = fresh(&binary, &work, "csv")?;
    table.push(line(
        "CSV, --dry-run (read and check)",
        count,
        &import(&csv_registry, "csv", &csv_path, true)?,
    ));
    let written = import(&csv_registry, "csv", &csv_path, false)?;
    if !written
        .stdout
        .contains(&format!("{count} rows: {count} created"))
    {
        bail!(
            "the CSV import did not create every row:\n{}",
            written
                .stdout
                .lines()
                .rev()
                .take(5)
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
    table.push(line("CSV, written (one change set)", count, &written));
    table.push(line(
        "CSV again (all unchanged)",
        count,
        &import(&csv_registry, "csv", &csv_path, false)?,
    ));
    let xlsx_registry = fresh(&binary, &work, "xlsx")?;
    table.push(line(
        "XLSX, written (one change set)",
        count,
        &import(&xlsx_registry, "xlsx", &xlsx_path, false)?,
    ));
    table.push(line(
        "XLSX again (all unchanged)",
        count,
        &import(&xlsx_registry, "xlsx", &xlsx_path, false)?,
    ));
    if temporary {
        let _ = std::fs::remove_dir_all(&work);
    }
    println!("{}", table.join("\n"));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sheet_names_each_partner_five_times() {
        let rows = rows(10);
        assert_eq!(rows[0].partner, rows[4].partner);
        assert_ne!(rows[4].partner, rows[5].partner);
        let text = csv(&rows);
        assert_eq!(text.lines().count(), 11);
        assert!(text.contains(";900000000.0;S\u{a0} BENCH0000;01/01/2027;2030;1;"));
        assert!(!xlsx(&rows).unwrap().is_empty());
    }
}
