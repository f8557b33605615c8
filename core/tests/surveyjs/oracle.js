// survey-core itself as the reference for the SurveyJS import (core/tests/surveyjs_oracle.rs):
// reads {"survey": …, "cases": [{"name": value, …}, …]} on standard input and writes
// {"rates": {"name": [values]}, "visible": [["name", …], …]}: each rating question's values as
// survey-core shows them, and for each case (the answers given) the questions it shows.
// Usage: node oracle.js PATH/TO/node_modules/survey-core
const Survey = require(process.argv[2] + "/survey.core.js");
let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const { survey, cases } = JSON.parse(input);
  const model = new Survey.SurveyModel(survey);
  const questions = model.getAllQuestions();
  const rates = {};
  for (const q of questions) {
    if (q.getType() === "rating") rates[q.name] = q.visibleRateValues.map((v) => v.value);
  }
  const visible = cases.map((answers) => {
    model.clear(true, false);
    for (const [name, value] of Object.entries(answers)) model.setValue(name, value);
    return questions.filter((q) => q.isVisible).map((q) => q.name);
  });
  process.stdout.write(JSON.stringify({ rates, visible }));
});
