// The hall questionnaire (hall.json, made by run.mjs from Manyi's built-in one) in SurveyJS: one
// question a page, as on the kiosk, moving on as soon as a question is answered.
fetch("hall.json")
  .then((r) => r.json())
  .then((json) => {
    const model = new Survey.Model(json);
    model.locale = "zh-cn";
    SurveyUI.renderSurvey(model, document.getElementById("survey"));
  });
