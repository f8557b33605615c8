// Loads the app: the wasm-bindgen glue fetches manyi_bg.wasm beside it and runs `main`.
import init from "./manyi.js";

init().catch((error) => {
  console.error(error);
  const message = document.createElement("p");
  message.className = "boot-error";
  message.textContent = "加载失败，请刷新页面。Loading failed, please reload the page.";
  document.body.append(message);
});
