//! The app's areas as the build knows them: each a page with its own wasm, glue and service
//! worker in its own folder of `dist/` (the kiosk at the root), built from `www/<area>/` and the
//! workspace's `manyi-*` binaries. `www/`'s own files (stylesheet, icons) are shared by all.

/// One area of the site.
#[derive(Debug, Clone, Copy)]
pub struct Area {
    /// Its name (the service worker's cache is `manyi-<name>-<build>`).
    pub name: &'static str,
    /// Its folder in `dist/` (`""`: the site's root).
    pub dir: &'static str,
    /// Its wasm binaries: (cargo binary, the name of the glue and wasm files it becomes).
    pub bins: &'static [(&'static str, &'static str)],
}

/// Every area. The kiosk is what a hall tablet downloads for customers; its staff screen, behind
/// the PIN, is a page of its own; the desk's second wasm is the analyst workspace's web worker; the
/// staff screen's second is the sync worker, which every page of the device starts (from the
/// network where its own service worker does not keep it) once sync is set up.
pub const AREAS: [Area; 4] = [
    Area { name: "kiosk", dir: "", bins: &[("manyi-kiosk", "kiosk")] },
    Area {
        name: "staff",
        dir: "staff",
        bins: &[("manyi-kiosk-staff", "staff"), ("manyi-sync-worker", "sync_worker")],
    },
    Area {
        name: "desk",
        dir: "desk",
        bins: &[("manyi-desk", "desk"), ("manyi-analysis-worker", "analysis_worker")],
    },
    Area { name: "field", dir: "field", bins: &[("manyi-field", "field")] },
];

/// The service worker's template in `www/`; each area's folder gets its own, filled in.
pub const SERVICE_WORKER: &str = "sw.js";
