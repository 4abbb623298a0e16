// The draw-a-digit page: strokes on a canvas are sent as PNG to /predictions/<model>?topk=3 while
// the user draws (at most one request in flight, the latest drawing always sent last), and to
// /prepared for the 28x28 image the model saw. No libraries, no network beyond this service.
"use strict";
const canvas = document.getElementById("canvas");
const pen = canvas.getContext("2d");
const picker = document.getElementById("model");
const topList = document.getElementById("top");
const seen = document.getElementById("seen");
const errorLine = document.getElementById("error");
const meta = document.getElementById("meta");
const empty = document.getElementById("empty");
let drawing = false, dirty = false, busy = false, pending = null, last = null, inked = false;
let generation = 0; // pictures and answers of a drawing that was cleared since are dropped

function clearCanvas() {
  generation++; pending = null;
  pen.fillStyle = "#000"; pen.fillRect(0, 0, canvas.width, canvas.height);
  inked = false; topList.innerHTML = ""; seen.hidden = true; seen.removeAttribute("src");
  errorLine.hidden = true; meta.textContent = ""; empty.hidden = false;
}

function point(event) {
  const box = canvas.getBoundingClientRect();
  return { x: (event.clientX - box.left) * canvas.width / box.width,
           y: (event.clientY - box.top) * canvas.height / box.height };
}

canvas.addEventListener("pointerdown", (event) => {
  drawing = true; canvas.setPointerCapture(event.pointerId); last = point(event);
  stroke(last, last);
});
canvas.addEventListener("pointermove", (event) => {
  if (!drawing) return;
  const next = point(event); stroke(last, next); last = next;
});
for (const end of ["pointerup", "pointercancel"]) {
  canvas.addEventListener(end, () => { if (drawing) { drawing = false; send(); } });
}

function stroke(from, to) {
  pen.strokeStyle = "#fff"; pen.lineWidth = 22; pen.lineCap = "round"; pen.lineJoin = "round";
  pen.beginPath(); pen.moveTo(from.x, from.y); pen.lineTo(to.x, to.y); pen.stroke();
  inked = true; dirty = true;
}

// While drawing, ask again every 250 ms.
setInterval(() => { if (drawing && dirty) send(); }, 250);

function send() {
  if (!inked) return;
  dirty = false;
  const asked = generation; // toBlob answers later, perhaps after a clear
  canvas.toBlob((blob) => classify(blob, asked), "image/png");
}

async function classify(blob, asked) {
  if (asked !== generation) return;
  if (busy) { pending = { blob, asked }; return; }
  busy = true;
  try {
    const model = encodeURIComponent(picker.value);
    const [answer, prepared] = await Promise.all([
      fetch(`/predictions/${model}?topk=3`, { method: "POST", body: blob, headers: { "Content-Type": blob.type } }),
      fetch("/prepared", { method: "POST", body: blob, headers: { "Content-Type": blob.type } })
    ]);
    const body = await answer.json();
    if (asked !== generation) return;
    if (!answer.ok) { showError(body.message || `error ${answer.status}`); }
    else { showTop(body); meta.textContent = `model ${picker.value}, version ${answer.headers.get("X-Mnistlab-Model-Version")}`; }
    if (prepared.ok) {
      const picture = await prepared.blob();
      if (asked !== generation) return;
      if (seen.src) URL.revokeObjectURL(seen.src);
      seen.src = URL.createObjectURL(picture); seen.hidden = false;
    }
  } catch (e) {
    if (asked === generation) showError("the service did not answer: " + e.message);
  } finally {
    busy = false;
    if (pending) { const next = pending; pending = null; classify(next.blob, next.asked); }
  }
}

function showTop(classes) {
  errorLine.hidden = true; empty.hidden = true;
  topList.innerHTML = "";
  for (const c of classes) {
    const item = document.createElement("li");
    const percent = (c.probability * 100);
    item.innerHTML = `<span class="name"></span><span class="track"><span class="fill"></span></span><span class="p"></span>`;
    item.querySelector(".name").textContent = c.className;
    item.querySelector(".fill").style.width = `${percent.toFixed(1)}%`;
    item.querySelector(".p").textContent = `${percent.toFixed(percent >= 99.95 ? 0 : 1)}%`;
    item.dataset.className = c.className;
    topList.appendChild(item);
  }
}

function showError(message) {
  topList.innerHTML = ""; empty.hidden = true; errorLine.textContent = message; errorLine.hidden = false;
}

document.getElementById("clear").addEventListener("click", clearCanvas);

// A photo, chosen or dropped, is sent as it is; the canvas shows it scaled to fit.
const drop = document.getElementById("drop");
document.getElementById("file").addEventListener("change", (event) => { if (event.target.files[0]) upload(event.target.files[0]); });
drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("over"); });
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (event) => {
  event.preventDefault(); drop.classList.remove("over");
  if (event.dataTransfer.files[0]) upload(event.dataTransfer.files[0]);
});

function upload(file) {
  const image = new Image();
  image.onload = () => {
    pen.fillStyle = "#000"; pen.fillRect(0, 0, canvas.width, canvas.height);
    const scale = Math.min(canvas.width / image.width, canvas.height / image.height);
    const w = image.width * scale, h = image.height * scale;
    pen.drawImage(image, (canvas.width - w) / 2, (canvas.height - h) / 2, w, h);
    URL.revokeObjectURL(image.src);
  };
  image.src = URL.createObjectURL(file);
  generation++; pending = null; // a new picture: answers for the drawing before it are dropped
  inked = true; classify(file, generation);
}

picker.addEventListener("change", () => { if (inked) send(); });

async function loadModels() {
  const listed = await (await fetch("/models")).json();
  picker.innerHTML = "";
  for (const m of listed.models) {
    const option = document.createElement("option");
    option.value = m.modelName; option.textContent = m.modelName; picker.appendChild(option);
  }
  picker.disabled = listed.models.length < 2;
}

clearCanvas();
loadModels();
