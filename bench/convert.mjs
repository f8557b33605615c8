// Manyi's built-in hall questionnaire (core/src/questionnaire/builtin/hall.json) as a SurveyJS
// survey: the same items, texts, choices and scale labels, the same order (one item a page, as
// the kiosk shows it), the same required items and the phone shown only after consent.
export function surveyjs(hall) {
  const text = (t) => ({ default: t.en, "zh-cn": t.zh });
  const question = (item) => {
    const base = { name: item.id, title: text(item.text), isRequired: !!item.required };
    const kind = item.kind;
    switch (kind.type) {
      case "single_choice":
        return { ...base, type: "radiogroup", choices: kind.options.map((o) => ({ value: o.code, text: text(o.label) })) };
      case "rating": {
        const scale = hall.scales[kind.scale];
        const rateValues = scale.labels.map((label, i) => ({ value: scale.min + i, text: text(label) }));
        const q = { ...base, type: "rating", rateValues, displayMode: "buttons" };
        return kind.not_applicable ? { ...q, type: "radiogroup", choices: rateValues, showNoneItem: true, noneText: { default: "Not used / not applicable", "zh-cn": "未使用/不适用" } } : q;
      }
      case "text":
        return kind.format === "free"
          ? { ...base, type: "comment", maxLength: kind.max_length }
          : { ...base, type: "text", inputType: "tel", maxLength: kind.max_length };
      case "yes_no":
        return { ...base, type: "boolean" };
      default:
        throw new Error(`no SurveyJS question for ${kind.type}`);
    }
  };
  const visibleIf = (item) =>
    item.show_if && item.show_if.op === "yes" ? { visibleIf: `{${item.show_if.item}} = true` } : {};
  // The kiosk's last screen holds the comment, the consent and the phone together.
  const last = ["comment", "callback_consent", "phone"];
  const pages = hall.items
    .filter((item) => !last.includes(item.id))
    .map((item) => ({ name: item.id, elements: [{ ...question(item), ...visibleIf(item) }] }));
  pages.push({
    name: "closing",
    elements: hall.items.filter((i) => last.includes(i.id)).map((i) => ({ ...question(i), ...visibleIf(i) })),
  });
  return {
    title: text(hall.title),
    pages,
    showProgressBar: "top",
    goNextPageAutomatic: true,
    showQuestionNumbers: "off",
  };
}
