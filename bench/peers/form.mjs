// The one consent form every peer renders, written once and turned into each engine's own
// format, so that the pages are equivalent by construction: the client's details, informing
// and oral assent, the partners, consent for health data, a note and the client's signature —
// the fields keukentafel's first steps ask for. The peers get no rules (who decides at which
// age, findings, signing): their figures are a lower bound for the same work.

const YES_NO = [['ja', 'Ja'], ['nee', 'Nee']];

export const TITLE = 'Toestemming sociaal domein';

export const FIELDS = [
  { name: 'naam', label: 'Naam cliënt', type: 'text', required: true },
  { name: 'geboortedatum', label: 'Geboortedatum', type: 'date', required: true },
  { name: 'dossier', label: 'Dossiernummer', type: 'text' },
  { name: 'geinformeerd', label: 'De cliënt is geïnformeerd over het privacyprotocol', type: 'one', options: YES_NO, required: true },
  { name: 'instemming', label: 'Mondelinge instemming met vastleggen en delen', type: 'one', options: YES_NO, required: true },
  {
    name: 'partners', label: 'Met welke partners mogen gegevens gedeeld worden?', type: 'many',
    options: [['cjg', 'Centrum voor Jeugd en Gezin'], ['ggd', 'GGD'], ['woco', 'Woningcorporatie'], ['zorg', 'Zorgaanbieder']],
  },
  { name: 'gezondheid', label: 'Toestemming voor gegevens over gezondheid', type: 'one', options: [...YES_NO, ['nvt', 'Niet van toepassing']] },
  { name: 'toelichting', label: 'Toelichting', type: 'textarea' },
  { name: 'handtekening', label: 'Handtekening cliënt', type: 'signature' },
];

/** SurveyJS's JSON (survey-core). */
export function surveyJs() {
  const type = { text: 'text', date: 'text', one: 'radiogroup', many: 'checkbox', textarea: 'comment', signature: 'signaturepad' };
  return {
    title: TITLE,
    locale: 'nl',
    elements: FIELDS.map((f) => ({
      name: f.name,
      title: f.label,
      type: type[f.type],
      ...(f.type === 'date' ? { inputType: 'date' } : {}),
      ...(f.required ? { isRequired: true } : {}),
      ...(f.options ? { choices: f.options.map(([value, text]) => ({ value, text })) } : {}),
    })),
  };
}

/** Form.io's component JSON. */
export function formIo() {
  const type = { text: 'textfield', date: 'textfield', one: 'radio', many: 'selectboxes', textarea: 'textarea', signature: 'signature' };
  return {
    display: 'form',
    components: [
      ...FIELDS.map((f) => ({
        key: f.name,
        label: f.label,
        type: type[f.type],
        input: true,
        ...(f.type === 'date' ? { inputType: 'date' } : {}),
        ...(f.required ? { validate: { required: true } } : {}),
        ...(f.options ? { values: f.options.map(([value, label]) => ({ value, label })) } : {}),
      })),
      { type: 'button', key: 'submit', label: 'Opslaan', input: true },
    ],
  };
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const XFORM_TYPE = { text: 'string', date: 'date', one: 'string', many: 'string', textarea: 'string', signature: 'binary' };

/** An ODK XForm (ODK Web Forms reads it as it is; `fields` leaves out what an engine lacks). */
export function xForm(fields = FIELDS) {
  const body = fields.map((f) => {
    const label = `<label>${esc(f.label)}</label>`;
    const items = (f.options ?? []).map(([v, t]) => `<item><label>${esc(t)}</label><value>${v}</value></item>`).join('');
    if (f.type === 'one') return `<select1 ref="/data/${f.name}">${label}${items}</select1>`;
    if (f.type === 'many') return `<select ref="/data/${f.name}">${label}${items}</select>`;
    if (f.type === 'signature') return `<upload ref="/data/${f.name}" mediatype="image/*" appearance="signature">${label}</upload>`;
    return `<input ref="/data/${f.name}"${f.type === 'textarea' ? ' appearance="multiline"' : ''}>${label}</input>`;
  }).join('\n');
  const binds = fields.map((f) => `<bind nodeset="/data/${f.name}" type="${XFORM_TYPE[f.type]}"${f.required ? ' required="true()"' : ''}/>`).join('\n');
  return `<?xml version="1.0"?>
<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:jr="http://openrosa.org/javarosa" xmlns:odk="http://www.opendatakit.org/xforms">
<h:head><h:title>${esc(TITLE)}</h:title>
<model odk:xforms-version="1.0.0"><instance><data id="toestemming">${fields.map((f) => `<${f.name}/>`).join('')}<meta><instanceID/></meta></data></instance>
${binds}
<bind nodeset="/data/meta/instanceID" type="string" readonly="true()" jr:preload="uid"/>
</model></h:head>
<h:body>
${body}
</h:body></h:html>`;
}

/** Enketo's form HTML and model, as enketo-transformer makes them from the XForm above. */
export function enketo() {
  const q = (f) => {
    const label = `<span lang="" class="question-label active">${esc(f.label)}</span>`;
    const req = f.required ? ' data-required="true()"' : '';
    const attrs = `name="/data/${f.name}" data-type-xml="${XFORM_TYPE[f.type]}"${req}`;
    if (f.type === 'one' || f.type === 'many') {
      const kind = f.type === 'one' ? 'radio' : 'checkbox';
      const opts = f.options.map(([v, t]) => `<label class=""><input type="${kind}" ${attrs}${kind === 'radio' ? ` data-name="/data/${f.name}"` : ''} value="${v}"><span lang="" class="option-label active">${esc(t)}</span></label>`).join('');
      return `<fieldset class="question simple-select ${req ? '' : ''}"><fieldset><legend>${label}</legend><div class="option-wrapper">${opts}</div></fieldset></fieldset>`;
    }
    if (f.type === 'textarea') return `<label class="question non-select or-appearance-multiline">${label}<textarea ${attrs}></textarea></label>`;
    if (f.type === 'signature') return `<label class="question non-select or-appearance-signature">${label}<input type="file" ${attrs} accept="image/*"></label>`;
    return `<label class="question non-select">${label}<input type="${f.type === 'date' ? 'date' : 'text'}" ${attrs}></label>`;
  };
  const html = `<form autocomplete="off" novalidate="novalidate" class="or clearfix" dir="ltr" id="toestemming">
<!--This form was created by transforming an ODK/OpenRosa-flavored (X)Form using an XSL stylesheet created by Enketo LLC.--><section class="form-logo"></section><h3 dir="auto" id="form-title">${esc(TITLE)}</h3>
${FIELDS.map(q).join('\n')}
<fieldset id="or-preload-items" style="display:none;"><label class="calculation non-select "><input type="hidden" name="/data/meta/instanceID" data-preload="uid" data-preload-params="" data-type-xml="string"></label></fieldset>
</form>`;
  const model = `<model><instance><data id="toestemming">${FIELDS.map((f) => `<${f.name}/>`).join('')}<meta><instanceID/></meta></data></instance></model>`;
  return { html, model };
}
