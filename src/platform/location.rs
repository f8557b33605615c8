//! The route in the address bar: hash routes (`#/`, `#/results`), so a static server serves them all.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A screen reachable by address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// `#/`: the kiosk survey.
    Survey,
    /// `#/results`: the stored responses and the index.
    Results,
    /// `#/evaluation`: the evaluator's checklist.
    Evaluation,
    /// `#/evaluation/compare`: visits of a hall side by side.
    Compare,
    /// `#/kano`: the Kano study.
    Kano,
    /// `#/kano/analysis`: the Kano study's results.
    KanoAnalysis,
    /// `#/editor`: the questionnaire editor.
    Editor,
    /// `#/callback`: the callback agents' workspace.
    Callback,
    /// `#/analysis`: the analysts' workspace.
    Analysis,
}

impl Route {
    /// The route of a location hash; anything unknown is the survey.
    pub fn from_hash(hash: &str) -> Route {
        match hash.trim_start_matches('#').trim_end_matches('/') {
            "/results" => Route::Results,
            "/evaluation" => Route::Evaluation,
            "/evaluation/compare" => Route::Compare,
            "/kano" => Route::Kano,
            "/kano/analysis" => Route::KanoAnalysis,
            "/editor" => Route::Editor,
            "/callback" => Route::Callback,
            "/analysis" => Route::Analysis,
            _ => Route::Survey,
        }
    }

    /// The address of the route.
    pub fn href(self) -> &'static str {
        match self {
            Route::Survey => "#/",
            Route::Results => "#/results",
            Route::Evaluation => "#/evaluation",
            Route::Compare => "#/evaluation/compare",
            Route::Kano => "#/kano",
            Route::KanoAnalysis => "#/kano/analysis",
            Route::Editor => "#/editor",
            Route::Callback => "#/callback",
            Route::Analysis => "#/analysis",
        }
    }
}

/// The route shown now.
pub fn current() -> Route {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    Route::from_hash(&hash)
}

/// Shows `route` (as following a link to it does).
pub fn go(route: Route) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(route.href());
    }
}

/// Calls `f` whenever the hash changes, until the returned guard is dropped.
pub struct HashListener(Option<Closure<dyn FnMut()>>);

impl HashListener {
    /// Starts listening.
    pub fn new(mut f: impl FnMut(Route) + 'static) -> HashListener {
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
    use super::Route;

    #[test]
    fn routes_from_hashes() {
        assert_eq!(Route::from_hash("#/results"), Route::Results);
        assert_eq!(Route::from_hash("#/results/"), Route::Results);
        assert_eq!(Route::from_hash(""), Route::Survey);
        assert_eq!(Route::from_hash("#/"), Route::Survey);
        assert_eq!(Route::from_hash("#/nowhere"), Route::Survey);
        for r in [Route::Evaluation, Route::Compare, Route::Kano, Route::KanoAnalysis, Route::Editor] {
            assert_eq!(Route::from_hash(r.href()), r);
        }
        assert_eq!(Route::from_hash("#/callback"), Route::Callback);
        assert_eq!(Route::Callback.href(), "#/callback");
        assert_eq!(Route::from_hash("#/analysis"), Route::Analysis);
        assert_eq!(Route::Analysis.href(), "#/analysis");
    }
}
