//! Copies the front-end libraries the map needs from `node_modules` (installed
//! by `npm ci` from the committed package-lock.json) into the build's output
//! folder, where they are embedded. Nothing is downloaded here.

use std::path::{Path, PathBuf};

/// (file in node_modules, name under /assets/vendor/).
const FILES: &[(&str, &str)] = &[
    ("leaflet/dist/leaflet.js", "leaflet.js"),
    ("leaflet/dist/leaflet.css", "leaflet.css"),
    (
        "leaflet.markercluster/dist/MarkerCluster.css",
        "MarkerCluster.css",
    ),
    (
        "leaflet.markercluster/dist/MarkerCluster.Default.css",
        "MarkerCluster.Default.css",
    ),
    (
        "topojson-client/dist/topojson-client.min.js",
        "topojson-client.min.js",
    ),
    ("world-atlas/countries-110m.json", "countries-110m.json"),
    (
        "leaflet/dist/images/marker-icon.png",
        "images/marker-icon.png",
    ),
    (
        "leaflet/dist/images/marker-icon-2x.png",
        "images/marker-icon-2x.png",
    ),
    (
        "leaflet/dist/images/marker-shadow.png",
        "images/marker-shadow.png",
    ),
];

/// (file in node_modules, name under the build's `countries/`): country
/// names in the interface's other languages, embedded as data, not served.
const COUNTRY_NAMES: &[(&str, &str)] = &[
    ("i18n-iso-countries/langs/sv.json", "sv.json"),
    ("i18n-iso-countries/langs/ja.json", "ja.json"),
];

fn main() {
    let manifest =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let node_modules = manifest.join("../../node_modules");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let out = out_dir.join("vendor");
    println!(
        "cargo::rerun-if-changed={}",
        node_modules.join(".package-lock.json").display()
    );
    let vendor = FILES.iter().map(|(from, to)| (from, out.join(to)));
    let countries = COUNTRY_NAMES
        .iter()
        .map(|(from, to)| (from, out_dir.join("countries").join(to)));
    for (from, target) in vendor.chain(countries) {
        let source = node_modules.join(from);
        if !source.exists() {
            panic!(
                "{} is missing: run `npm ci` first (scripts/test.sh and scripts/demo.sh do)",
                source.display()
            );
        }
        std::fs::create_dir_all(target.parent().unwrap_or(Path::new(".")))
            .expect("the output folder is writable");
        std::fs::copy(&source, &target).expect("copying a front-end file");
    }
}
