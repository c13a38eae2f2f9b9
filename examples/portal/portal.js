// Mounting keukentafel in a portal page: a few lines. See docs/EMBEDDING.md.
import init, { mount, validate, verify } from '/keukentafel.js';

await init();
const element = document.getElementById('keukentafel');
// The professional prefills their enrolment in the module's vault (the portal's login does not
// protect what the browser stores: the vault applies just the same).
const handle = mount(element, {
  professional: { name: 'Sanne de Vries', organisation: 'Sociaal Team Landsmeer', role: 'Wmo-consulent' },
  client: { dossierReference: 'LM-2026-7001', name: 'Fatima Yilmaz', birthDate: '1975-09-12' },
});

const log = document.getElementById('log');
const note = (text) => {
  const li = document.createElement('li');
  li.textContent = text;
  log.append(li);
};
for (const name of ['draft-saved', 'signed', 'withdrawn']) {
  element.addEventListener(name, async (event) => {
    const d = event.detail;
    if (name === 'draft-saved') {
      note(`draft-saved ${d.recordType} ${d.recordId}`);
      return;
    }
    // The portal can check what it receives with the same core.
    const check = await verify(d.jws);
    note(`${name} ${d.recordType} ${d.recordId} hash=${d.hash} geldig=${check.valid}`);
    window.portalReceived = (window.portalReceived ?? []).concat([{ name, detail: d, check }]);
  });
}
window.keukentafel = { handle, mount, validate, verify };
