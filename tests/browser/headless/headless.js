/* A generic front end for a workflow form, written against the API alone:
 * GET  /api/v3/workflow-forms/{id}/               the schema: render each field by its type, label and choices;
 * POST /api/v3/workflow-forms/{id}/submissions/   the answers as multipart/form-data (files included);
 * GET  status_api_url from the answer             the application's status.
 * Nothing here knows which form it shows: the form's id comes from the page's address (?form=<id>).
 */
"use strict";

const API = "/api/v3/";
const formId = new URLSearchParams(window.location.search).get("form");

function element(tag, attributes = {}, text = "") {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        if (value === true) node.setAttribute(name, "");
        else if (value !== false && value !== null && value !== undefined) node.setAttribute(name, value);
    }
    if (text) node.textContent = text;
    return node;
}

function labelText(field) {
    return field.label + (field.required ? " (required)" : " (optional)");
}

function helpFor(field) {
    let text = field.help_text || "";
    if (field.type === "file" && field.accepted_file_types) {
        const types = field.accepted_file_types.map((type) => type.label).join(", ");
        text = `${text} Accepted: ${types}; at most ${Math.round(field.max_file_size / 1024 / 1024)} MB.`.trim();
    }
    return text;
}

function choiceGroup(field, inputType, describedBy) {
    const group = element("fieldset", { "aria-describedby": describedBy });
    group.append(element("legend", {}, labelText(field)));
    field.choices.forEach((choice, index) => {
        const id = `field-${field.name}-${index}`;
        const wrapper = element("div");
        wrapper.append(element("input", { type: inputType, id, name: field.name, value: choice.value }));
        wrapper.append(element("label", { for: id }, choice.label));
        group.append(wrapper);
    });
    return group;
}

function control(field, id, describedBy) {
    const common = { id, name: field.name, "aria-describedby": describedBy, required: field.required };
    switch (field.type) {
        case "textarea":
            return element("textarea", { ...common, rows: 4, maxlength: field.max_length });
        case "select": {
            const select = element("select", common);
            select.append(element("option", { value: "" }, "—"));
            for (const choice of field.choices) select.append(element("option", { value: choice.value }, choice.label));
            return select;
        }
        case "multiselect": {
            const select = element("select", { ...common, multiple: true });
            for (const choice of field.choices) select.append(element("option", { value: choice.value }, choice.label));
            return select;
        }
        case "file": {
            const accept = (field.accepted_file_types || []).flatMap((type) => type.extensions).join(",");
            return element("input", { ...common, type: "file", accept });
        }
        case "checkbox":
            return element("input", { ...common, type: "checkbox" });
        case "email":
        case "url":
        case "number":
        case "date":
            return element("input", { ...common, type: field.type });
        case "datetime":
            return element("input", { ...common, type: "datetime-local" });
        default:
            return element("input", { ...common, type: "text", maxlength: field.max_length });
    }
}

function renderField(field) {
    const wrapper = element("div", { class: "field", "data-field": field.name });
    const id = `field-${field.name}`;
    const help = helpFor(field);
    const describedBy = [help ? `${id}-help` : null, `${id}-error`].filter(Boolean).join(" ");
    const helpNode = help ? element("p", { class: "help", id: `${id}-help` }, help) : null;
    const errorNode = element("p", { class: "error", id: `${id}-error` });
    if (field.type === "radio" || field.type === "checkboxes") {
        const group = choiceGroup(field, field.type === "radio" ? "radio" : "checkbox", describedBy);
        if (helpNode) group.insertBefore(helpNode, group.children[1]);
        group.append(errorNode);
        wrapper.append(group);
    } else if (field.type === "checkbox") {
        wrapper.append(control(field, id, describedBy), element("label", { for: id }, labelText(field)));
        if (helpNode) wrapper.append(helpNode);
        wrapper.append(errorNode);
    } else {
        wrapper.append(element("label", { for: id }, labelText(field)));
        if (helpNode) wrapper.append(helpNode);
        wrapper.append(control(field, id, describedBy), errorNode);
    }
    return wrapper;
}

function showProblems(problem, form) {
    const box = document.getElementById("problems");
    box.replaceChildren(element("h2", {}, problem.title || "There is a problem"));
    if (problem.detail) box.append(element("p", {}, problem.detail));
    const list = element("ul");
    for (const error of problem.errors || []) {
        const name = error.loc[error.loc.length - 1];
        const errorNode = form.querySelector(`#field-${CSS.escape(String(name))}-error`);
        if (errorNode) errorNode.textContent = error.msg;
        const item = element("li");
        item.append(element("a", { href: `#field-${name}` }, error.msg));
        list.append(item);
    }
    box.append(list);
    box.hidden = false;
    box.focus();
}

async function showStatus(statusApiUrl, reference) {
    const response = await fetch(statusApiUrl, { headers: { Accept: "application/json" } });
    const status = await response.json();
    const result = document.getElementById("result");
    result.replaceChildren(
        element("h2", {}, `Application ${status.reference || reference}`),
        element("p", { "data-state": status.state }, `Status: ${status.state_label}`),
        element("p", {}, status.state_explanation || ""),
    );
    if (status.files && status.files.length) {
        const files = element("ul", { "aria-label": "Files sent" });
        for (const file of status.files) files.append(element("li", {}, `${file.name} (${file.question})`));
        result.append(files);
    }
    result.hidden = false;
}

async function submit(event, schema) {
    event.preventDefault();
    const form = event.target;
    for (const node of form.querySelectorAll(".error")) node.textContent = "";
    const body = new FormData(form);
    for (const [name, value] of [...body.entries()]) {
        // An empty file input still sends an empty part: leave unanswered files out.
        if (value instanceof File && value.size === 0 && !value.name) body.delete(name);
    }
    const response = await fetch(`${API}workflow-forms/${schema.id}/submissions/`, {
        method: "POST",
        headers: { Accept: "application/json" },
        body,
    });
    const answer = await response.json();
    if (!response.ok) {
        showProblems(answer, form);
        return;
    }
    document.getElementById("problems").hidden = true;
    form.hidden = true;
    await showStatus(answer.status_api_url, answer.reference);
}

async function start() {
    const response = await fetch(`${API}workflow-forms/${encodeURIComponent(formId)}/`, {
        headers: { Accept: "application/json" },
    });
    const schema = await response.json();
    document.getElementById("title").textContent = schema.title;
    document.title = schema.title;
    const form = document.getElementById("form");
    for (const field of schema.fields) form.append(renderField(field));
    form.append(element("button", { type: "submit" }, "Send"));
    form.addEventListener("submit", (event) => submit(event, schema));
    form.hidden = false;
}

start();
