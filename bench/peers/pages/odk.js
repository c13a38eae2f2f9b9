// ODK Web Forms: the Vue component on the XForm (form.mjs), as its README says to embed it.
import { createApp, h } from 'vue';
import { OdkWebForm, webFormsPlugin } from '@getodk/web-forms';
import { FORM } from './form.gen.js';

const app = createApp({
  render: () => h(OdkWebForm, {
    formXml: FORM,
    fetchFormAttachment: () => Promise.resolve(new Response('', { status: 404 })),
    onSubmit: () => {},
  }),
});
app.use(webFormsPlugin);
app.mount('#form');
