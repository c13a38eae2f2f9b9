// Enketo: enketo-core's Form on the transformed form (form.mjs), as Enketo Express starts it.
import { Form } from 'enketo-core';
import { FORM } from './form.gen.js';

const root = document.getElementById('form');
root.innerHTML = FORM.html;
const form = new Form(root.querySelector('form.or'), { modelStr: FORM.model }, {});
const errors = form.init();
if (errors.length) console.error('enketo:', errors);
