/**
 * Builds the explorer into one self-contained file, explorer/dist/index.html: the page's script, its
 * style and the Web Worker (as a blob) are all inlined, so the page makes no request besides itself and
 * works when served by `talentsim explore` or opened from disk. The Content-Security-Policy meta allows
 * exactly the inlined script and style (by hash) and blob: workers; nothing can be fetched.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Keeps inlined code from closing its element or opening an HTML comment inside it. */
function safeInline(code: string, tag: 'script' | 'style'): string {
  return code.replace(new RegExp(`</(${tag})`, 'gi'), '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** Inlines the entry chunk and stylesheet into index.html and writes the CSP with their hashes. */
function inlineEverything(): Plugin {
  return {
    name: 'talentsim-explorer-inline',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = bundle['index.html'];
      if (!html || html.type !== 'asset') throw new Error('explorer build: index.html missing from the bundle');
      let text = String(html.source);
      const hashes = { script: [] as string[], style: [] as string[] };
      for (const [file, out] of Object.entries(bundle)) {
        if (file === 'index.html') continue;
        const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        if (out.type === 'chunk') {
          const tag = new RegExp(`<script type="module"[^>]*src="[^"]*${escaped}"[^>]*></script>`);
          if (!tag.test(text)) throw new Error(`explorer build: chunk ${file} is not the page's entry (code splitting must stay off)`);
          const code = safeInline(out.code, 'script');
          hashes.script.push(sha256(code));
          text = text.replace(tag, () => `<script type="module">${code}</script>`);
        } else if (file.endsWith('.css')) {
          const tag = new RegExp(`<link rel="stylesheet"[^>]*href="[^"]*${escaped}"[^>]*>`);
          const css = safeInline(String(out.source), 'style');
          hashes.style.push(sha256(css));
          text = text.replace(tag, () => `<style>${css}</style>`);
        } else throw new Error(`explorer build: unexpected asset ${file} (everything must be inlined)`);
        delete bundle[file];
      }
      const csp = [
        "default-src 'none'",
        `script-src ${hashes.script.join(' ')}`,
        'worker-src blob:',
        `style-src ${hashes.style.join(' ')}`,
        'img-src data: blob:',
        "font-src 'none'",
        "connect-src 'none'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
      ].join('; ');
      if (!text.includes('%EXPLORER_CSP%')) throw new Error('explorer build: the CSP placeholder is missing from index.html');
      html.source = text.replace('%EXPLORER_CSP%', csp);
    },
  };
}

export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: Number.MAX_SAFE_INTEGER,
    cssCodeSplit: false,
    modulePreload: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 10_000,
    rolldownOptions: { output: { codeSplitting: false } },
  },
  worker: { format: 'iife' },
  plugins: [inlineEverything()],
});
