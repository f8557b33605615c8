//! Where the page is: the area (each its own page and wasm: the kiosk at the site's root,
//! `desk/`, `field/`) and, within it, the route in the hash (`#/`, `#/results`), so a static
//! server serves them all. Moving to another area's route is a page load.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A part of the app with its own page, wasm and service worker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    /// The hall kiosk's survey, at the site's root: what customers download.
    Kiosk,
    /// The kiosk's staff screen (`staff/`), behind the PIN: settings, data, exports.
    Staff,
    /// The desk PC's workspaces: results, call desk, questionnaire editor, analyst workspace.
    Desk,
    /// The evaluator's phone: the evaluation checklist and the Kano study.
    Field,
}

impl Area {
    /// Every area.
    pub const ALL: [Area; 4] = [Area::Kiosk, Area::Staff, Area::Desk, Area::Field];

    /// Its folder under the site's root (`""` for the kiosk, which is the root).
    pub fn dir(self) -> &'static str {
        match self {
            Area::Kiosk => "",
            Area::Staff => "staff/",
            Area::Desk => "desk/",
            Area::Field => "field/",
        }
    }

    /// The area of a page at `path` (a location's pathname, e.g. `/manyi/desk/` or
    /// `/desk/index.html`): the folder it is in; the kiosk for anything else.
    pub fn of_path(path: &str) -> Area {
        let path = path.strip_suffix("index.html").unwrap_or(path).trim_end_matches('/');
        let folder = path.rsplit('/').next().unwrap_or("");
        Area::ALL
            .into_iter()
            .find(|a| a.dir().trim_end_matches('/') == folder && *a != Area::Kiosk)
            .unwrap_or(Area::Kiosk)
    }

    /// The area of the page running now.
    pub fn here() -> Area {
        let path = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default();
        Area::of_path(&path)
    }

    /// The way from a page of this area up to the site's root.
    pub fn to_root(self) -> &'static str {
        match self {
            Area::Kiosk => "",
            Area::Staff | Area::Desk | Area::Field => "../",
        }
    }
}

/// A screen reachable by address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// `#/`: the kiosk survey.
    Survey,
    /// `staff/#/staff`: the kiosk's staff screen.
    Staff,
    /// `desk/#/results`: the stored responses and the index.
    Results,
    /// `desk/#/editor`: the questionnaire editor.
    Editor,
    /// `desk/#/callback`: the callback agents' workspace.
    Callback,
    /// `desk/#/analysis`: the analysts' workspace.
    Analysis,
    /// `field/#/evaluation`: the evaluator's checklist.
    Evaluation,
    /// `field/#/evaluation/compare`: visits of a hall side by side.
    Compare,
    /// `field/#/kano`: the Kano study.
    Kano,
    /// `desk/#/kano/analysis`: the Kano study's results (with the workbook's writer: on the desk,
    /// not on the evaluator's phone).
    KanoAnalysis,
}

impl Route {
    /// Every route.
    pub const ALL: [Route; 10] = [
        Route::Survey,
        Route::Staff,
        Route::Results,
        Route::Editor,
        Route::Callback,
        Route::Analysis,
        Route::Evaluation,
        Route::Compare,
        Route::Kano,
        Route::KanoAnalysis,
    ];

    /// The route of a location hash (in any area); no hash (or `#/`, the page itself) and
    /// anything unknown are `None`: the page's own first route.
    pub fn from_hash(hash: &str) -> Option<Route> {
        let path = hash.trim_start_matches('#').trim_end_matches('/');
        (!path.is_empty()).then(|| Route::ALL.into_iter().find(|r| r.hash() == format!("#{path}")))?
    }

    /// Its hash within its area.
    pub fn hash(self) -> &'static str {
        match self {
            Route::Survey => "#/",
            Route::Staff => "#/staff",
            Route::Results => "#/results",
            Route::Editor => "#/editor",
            Route::Callback => "#/callback",
            Route::Analysis => "#/analysis",
            Route::Evaluation => "#/evaluation",
            Route::Compare => "#/evaluation/compare",
            Route::Kano => "#/kano",
            Route::KanoAnalysis => "#/kano/analysis",
        }
    }

    /// The area whose page shows it.
    pub fn area(self) -> Area {
        match self {
            Route::Survey => Area::Kiosk,
            Route::Staff => Area::Staff,
            Route::Results | Route::Editor | Route::Callback | Route::Analysis | Route::KanoAnalysis => {
                Area::Desk
            }
            Route::Evaluation | Route::Compare | Route::Kano => Area::Field,
        }
    }

    /// Its address from a page of `here`: the hash alone within the same area, else the way
    /// to the other area's page (`../field/#/kano` from the desk).
    pub fn href_from(self, here: Area) -> String {
        if self.area() == here {
            self.hash().to_owned()
        } else {
            format!("{}{}{}", here.to_root(), self.area().dir(), self.hash())
        }
    }

    /// Its address from the page running now.
    pub fn href(self) -> String {
        self.href_from(Area::here())
    }

    /// Whether the route is outside the customer's kiosk flow: once the device has a staff PIN,
    /// only the PIN opens it.
    pub fn needs_staff(self) -> bool {
        self != Route::Survey
    }
}

/// The route in the address bar now, if it is one.
pub fn current() -> Option<Route> {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    Route::from_hash(&hash)
}

/// Shows `route` (as following a link to it does): a new hash within this area's page, or
/// another area's page.
pub fn go(route: Route) {
    let Some(w) = web_sys::window() else { return };
    let here = Area::here();
    let _ = if route.area() == here {
        w.location().set_hash(route.hash())
    } else {
        w.location().assign(&route.href_from(here))
    };
}

/// Sends the browser to `route` on its own area's page, replacing this address in the history
/// (an address of another area, e.g. an old `#/callback` on the kiosk's page).
pub fn redirect(route: Route) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().replace(&route.href_from(Area::here()));
    }
}

/// Calls `f` whenever the hash changes, until the returned guard is dropped.
pub struct HashListener(Option<Closure<dyn FnMut()>>);

impl HashListener {
    /// Starts listening.
    pub fn new(mut f: impl FnMut(Option<Route>) + 'static) -> HashListener {
        let closure = Closure::<dyn FnMut()>::new(move || f(current()));
        if let Some(w) = web_sys::window() {
            let _ = w.add_event_listener_with_callback("hashchange", closure.as_ref().unchecked_ref());
        }
        HashListener(Some(closure))
    }
}

impl Drop for HashListener {
    fn drop(&mut self) {
        if let (Some(w), Some(c)) = (web_sys::window(), self.0.take()) {
            let _ = w.remove_event_listener_with_callback("hashchange", c.as_ref().unchecked_ref());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Area, Route};

    #[test]
    fn routes_from_hashes() {
        assert_eq!(Route::from_hash("#/results"), Some(Route::Results));
        assert_eq!(Route::from_hash("#/results/"), Some(Route::Results));
        // The page itself: its first route (the kiosk's survey at the root, `desk/` the results).
        assert_eq!(Route::from_hash(""), None);
        assert_eq!(Route::from_hash("#/"), None);
        assert_eq!(Route::from_hash("#"), None);
        assert_eq!(Route::from_hash("#/nowhere"), None);
        for r in Route::ALL.into_iter().filter(|&r| r != Route::Survey) {
            assert_eq!(Route::from_hash(r.hash()), Some(r));
        }
        assert!(Route::Staff.needs_staff() && Route::Results.needs_staff() && !Route::Survey.needs_staff());
    }

    #[test]
    fn areas_from_paths() {
        assert_eq!(Area::of_path("/"), Area::Kiosk);
        assert_eq!(Area::of_path("/index.html"), Area::Kiosk);
        assert_eq!(Area::of_path("/desk/"), Area::Desk);
        assert_eq!(Area::of_path("/desk"), Area::Desk);
        assert_eq!(Area::of_path("/manyi/desk/index.html"), Area::Desk);
        assert_eq!(Area::of_path("/manyi/field/"), Area::Field);
        assert_eq!(Area::of_path("/staff/"), Area::Staff);
        assert_eq!(Area::of_path("/manyi/"), Area::Kiosk);
        assert_eq!(Area::of_path(""), Area::Kiosk);
    }

    #[test]
    fn addresses_between_areas_are_relative() {
        // The old single build's addresses (`/#/callback`) now live on the desk's page.
        assert_eq!(Route::Callback.href_from(Area::Kiosk), "desk/#/callback");
        assert_eq!(Route::Callback.href_from(Area::Desk), "#/callback");
        assert_eq!(Route::Kano.href_from(Area::Desk), "../field/#/kano");
        assert_eq!(Route::Staff.href_from(Area::Field), "../staff/#/staff");
        assert_eq!(Route::Staff.href_from(Area::Kiosk), "staff/#/staff");
        assert_eq!(Route::Survey.href_from(Area::Staff), "../#/");
        assert_eq!(Route::Survey.href_from(Area::Kiosk), "#/");
        assert_eq!(Route::KanoAnalysis.href_from(Area::Kiosk), "desk/#/kano/analysis");
        assert_eq!(Route::KanoAnalysis.href_from(Area::Field), "../desk/#/kano/analysis");
    }
}
