/**
 * Resolves when everything the print depends on has arrived: the page's web
 * fonts (document.fonts.ready) and every image decoded, then one more frame so
 * layout has settled. Hosts print only after this, so no PDF has a missing
 * image or a fallback font.
 */
export async function assetsReady(root: HTMLElement): Promise<void> {
  await document.fonts.ready;
  const images = Array.from(root.querySelectorAll('img'));
  await Promise.all(
    images.map((img) =>
      img.decode().catch(() => {
        // A broken image is marked in the page rather than blocking the print forever.
        img.setAttribute('data-broken', 'true');
      }),
    ),
  );
  await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}
