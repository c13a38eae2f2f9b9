// What the professional sees while keukentafel loads (Trunk's initializer, `data-initializer` in
// index.html): the loading screen in index.html says that it is loading and how far, and says so
// in plain Dutch when it cannot load, with a button to try again. On success the app has mounted
// (its `main` runs inside `init`) and the loading screen is taken away before the next paint.

/** After this long without a byte, the connection is probably gone (a stalled download never fails by itself). */
const STALL_MS = 20000;

export default function laden() {
  const scherm = document.getElementById('kt-laden');
  const tekst = document.getElementById('kt-laden-tekst');
  const balk = document.getElementById('kt-laden-voortgang');
  const opnieuw = document.getElementById('kt-laden-opnieuw');
  let stall = 0;

  const mislukt = (waarom) => {
    clearTimeout(stall);
    if (!scherm) return;
    scherm.dataset.status = 'mislukt';
    tekst.textContent = `keukentafel kon niet worden geladen: ${waarom} Controleer de verbinding en probeer het opnieuw. Wat op deze tablet bewaard is, blijft bewaard.`;
    balk.hidden = true;
    opnieuw.hidden = false;
  };
  const wachten = () => {
    clearTimeout(stall);
    stall = setTimeout(() => mislukt('er komt al een tijd niets meer binnen.'), STALL_MS);
  };
  opnieuw?.addEventListener('click', () => location.reload());

  return {
    onStart: () => {
      if (!scherm) return;
      tekst.textContent = 'keukentafel wordt geladen…';
      balk.hidden = false;
      wachten();
    },
    onProgress: ({ current, total }) => {
      if (!balk) return;
      if (total > 0) balk.value = Math.min(current / total, 1);
      if (current < total) wachten();
      else clearTimeout(stall);
    },
    onSuccess: () => {
      clearTimeout(stall);
      scherm?.remove();
    },
    onFailure: () => mislukt('de verbinding viel weg of deze browser kan de app niet starten.'),
  };
}
