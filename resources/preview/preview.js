/* SPDX-License-Identifier: GPL-3.0-or-later */
// Frontmark preview page (issue #4, docs/decisions.md, decisions 5, 6, 8, 9).
// The page holds one <div class="fm-block"> per top-level block of the render. The editor
// sends whole renders (reset) or patches (keep N blocks, remove M, insert these); blocks that
// are kept are never touched, so their iframes and images stay alive. Content HTML is parsed
// in an inert <template> and cleaned before it enters the document; the page's CSP allows no
// inline script and no script from anywhere but this folder.
'use strict';

(function () {
    const root = document.documentElement;
    const mode = root.dataset.mode; // "live", "click" (click-to-load embeds) or "offline"
    // The page's own labels in the interface language (data-strings, from the app's catalogue);
    // English when a label is missing. %1 takes the argument.
    let strings = {};
    try { strings = JSON.parse(root.dataset.strings || '{}'); } catch (e) { strings = {}; }
    function t(key, english, arg) {
        const text = typeof strings[key] === 'string' && strings[key] ? strings[key] : english;
        return arg === undefined ? text : text.replace('%1', arg);
    }
    let content = null;
    let bridge = null;
    let ignoreScrollUntil = 0;
    let scrollReportPending = false;

    const providers = [
        { re: /^https?:\/\/(?:www\.)?youtube(?:-nocookie)?\.com\/embed\/([^?#/]+)/, name: 'YouTube', video: true },
        { re: /^https?:\/\/player\.vimeo\.com\/video\/([^?#/]+)/, name: 'Vimeo', video: true },
    ];

    function describeFrame(src) {
        for (const p of providers) {
            const m = p.re.exec(src);
            if (m)
                return { name: p.name, id: decodeURIComponent(m[1]), video: p.video };
        }
        let host = src;
        try { host = new URL(src).host; } catch (e) { /* keep the raw text */ }
        return { name: host || 'Embed', id: '', video: false };
    }

    function element(tag, className, text) {
        const e = document.createElement(tag);
        if (className)
            e.className = className;
        if (text !== undefined)
            e.textContent = text;
        return e;
    }

    function card(kind, title, note, video) {
        const c = element('div', 'fm-card' + (video ? ' fm-video' : ''));
        c.append(element('span', 'fm-card-kind', kind), element('span', 'fm-card-title', title),
                 element('span', 'fm-card-note', note));
        return c;
    }

    function frameCard(frame) {
        const src = frame.getAttribute('src') || '';
        const info = describeFrame(src);
        const title = frame.getAttribute('title');
        const label = info.id ? info.id : src;
        const heading = title && !/^(youtube|vimeo) video$/i.test(title) ? title + ' · ' + label : label;
        if (mode === 'offline') {
            const c = card(info.name, heading,
                           t('offlinePlayer', 'Offline preview: the published post shows the %1 player here.', info.name), info.video);
            c.dataset.embedSrc = src;
            return c;
        }
        const c = card(info.name, heading, t('remoteEmbed', 'Remote embed, not loaded yet.'), info.video);
        c.dataset.embedSrc = src;
        const load = element('button', '', t('loadPlayer', 'Load %1 player', info.name));
        load.addEventListener('click', () => {
            const wrapper = c.parentNode;
            if (wrapper)
                wrapper.replaceChild(frame, c);
        });
        c.append(load);
        return c;
    }

    function scriptCard(script) {
        const src = script.getAttribute('src') || '';
        const gist = /^https?:\/\/gist\.github\.com\/([^?#]+?)(?:\.js)?(?:\?file=([^&#]+))?$/.exec(src);
        if (gist) {
            const file = gist[2] ? ' · ' + decodeURIComponent(gist[2]) : '';
            const note = mode === 'offline' ? t('offlineGist', 'Offline preview: the published post shows this gist here.')
                                            : t('gistScript', 'The published post loads this gist with a script; the preview runs no scripts.');
            const c = card('GitHub Gist', gist[1] + file, note, false);
            c.dataset.embedSrc = src;
            return c;
        }
        return card(t('script', 'Script'), src || t('inlineScript', 'inline script'),
                    t('scriptNote', 'Scripts in the post do not run in the preview.'), false);
    }

    // The stub the renderer writes for embeds Hugo fetches over the network at build time
    // (X/Twitter, Instagram, Vimeo thumbnails): a card holding the link.
    function networkCard(stub) {
        const link = stub.querySelector('a[href]');
        const kinds = { x: 'X', tweet: 'X (Twitter)', twitter: 'X (Twitter)', instagram: 'Instagram' };
        const name = stub.dataset.fmEmbed || '';
        const kind = kinds[name] || (name.startsWith('vimeo') ? 'Vimeo' : name);
        const note = mode === 'offline' ? t('offlineEmbed', 'Offline preview: the published post embeds this here.')
                                        : t('embedLink', 'The published post embeds this; the preview shows the link.');
        const c = card(kind, link ? link.textContent : name, note, false);
        if (link) {
            const a = element('a', '', link.getAttribute('href'));
            a.href = link.getAttribute('href');
            c.append(a);
        }
        return c;
    }

    function markMissing(img) {
        if (img.dataset.fmMissing)
            return;
        img.dataset.fmMissing = '1';
        const src = img.getAttribute('src') || '';
        const local = !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src);
        const box = element('span', 'fm-missing-image');
        const what = local ? t('imageNotFound', 'Image not found: ') : (mode === 'offline' ? t('remoteOffline', 'Remote image, not loaded offline: ')
                                                                         : t('imageFailed', 'Image could not be loaded: '));
        box.append(document.createTextNode(what), element('code', '', src));
        if (img.alt)
            box.append(document.createElement('br'), document.createTextNode(t('altText', 'Alt text: ') + img.alt));
        box.title = src;
        img.replaceWith(box);
    }

    function onImageError(event) {
        const img = event.target;
        if (img instanceof HTMLImageElement)
            markMissing(img);
    }

    // Cleans a parsed block before it enters the document: no script, no navigation or
    // document-level elements from content, embeds as cards where the mode says so.
    function prepare(fragment) {
        for (const s of fragment.querySelectorAll('script'))
            s.replaceWith(scriptCard(s));
        for (const e of fragment.querySelectorAll('meta, base, link, object, embed, noscript, template'))
            e.remove();
        for (const f of fragment.querySelectorAll('iframe')) {
            f.removeAttribute('srcdoc');
            if (mode !== 'live')
                f.replaceWith(frameCard(f));
        }
        for (const stub of fragment.querySelectorAll('span.fm-embed[data-fm-embed]'))
            stub.replaceWith(networkCard(stub));
        for (const img of fragment.querySelectorAll('img'))
            img.addEventListener('error', onImageError);
    }

    function makeBlock(html) {
        const t = document.createElement('template');
        t.innerHTML = html;
        prepare(t.content);
        const block = element('div', 'fm-block');
        block.append(t.content);
        return block;
    }

    // Confirms a revision once it is on screen: the frame that lays out and paints the DOM
    // change comes after the next animation frame callback.
    function confirmPainted(revision) {
        requestAnimationFrame(() => setTimeout(() => bridge.patchApplied(revision), 0));
    }

    function reset(revision, blocks) {
        content.replaceChildren(...blocks.map(makeBlock));
        confirmPainted(revision);
    }

    function patch(revision, keepBefore, removed, inserted) {
        const kids = content.children;
        for (let i = 0; i < removed && keepBefore < kids.length; ++i)
            kids[keepBefore].remove();
        const next = kids[keepBefore] || null;
        const fragment = document.createDocumentFragment();
        for (const html of inserted)
            fragment.append(makeBlock(html));
        content.insertBefore(fragment, next);
        confirmPainted(revision);
    }

    function blockAt(y) {
        // Blocks are in document order; binary search for the last block starting above y.
        const kids = content.children;
        let lo = 0, hi = kids.length - 1, found = 0;
        while (lo <= hi) {
            const mid = (lo + hi) >> 1;
            if (kids[mid].getBoundingClientRect().top <= y) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    function position(y) {
        const kids = content.children;
        if (!kids.length)
            return null;
        const index = blockAt(y);
        const r = kids[index].getBoundingClientRect();
        const fraction = r.height > 0 ? Math.min(1, Math.max(0, (y - r.top) / r.height)) : 0;
        return { index, fraction };
    }

    function scrollToBlock(index, fraction) {
        const kids = content.children;
        if (!kids.length)
            return;
        const block = kids[Math.min(Math.max(index, 0), kids.length - 1)];
        const top = block.getBoundingClientRect().top + window.scrollY;
        const y = index <= 0 && fraction <= 0 ? 0 : top + fraction * block.offsetHeight - 16;
        ignoreScrollUntil = performance.now() + 200;
        window.scrollTo(0, Math.max(0, y));
    }

    function revealBlock(index) {
        const block = content.children[index];
        if (!block)
            return;
        const r = block.getBoundingClientRect();
        if (r.bottom > 0 && r.top < window.innerHeight)
            return;
        ignoreScrollUntil = performance.now() + 200;
        block.scrollIntoView({ block: 'center' });
    }

    // The images panel's selection: the nth image (or missing-image box) of a block, centred
    // and outlined until another is chosen.
    function imagesOf(block) {
        return block ? block.querySelectorAll('img, .fm-missing-image') : [];
    }

    function showImage(index, nth) {
        for (const old of content.querySelectorAll('.fm-selected-image'))
            old.classList.remove('fm-selected-image');
        const image = imagesOf(content.children[index])[nth];
        if (!image)
            return;
        image.classList.add('fm-selected-image');
        ignoreScrollUntil = performance.now() + 200;
        image.scrollIntoView({ block: 'center' });
    }

    function onScroll() {
        if (performance.now() < ignoreScrollUntil || scrollReportPending)
            return;
        scrollReportPending = true;
        requestAnimationFrame(() => {
            scrollReportPending = false;
            const p = position(0);
            if (p && bridge)
                bridge.reportScroll(p.index, p.fraction);
        });
    }

    function onClick(event) {
        const link = event.target.closest('a[href]');
        if (link) {
            event.preventDefault();
            const href = link.getAttribute('href');
            if (href.startsWith('#')) {
                const target = document.getElementById(decodeURIComponent(href.slice(1)));
                if (target)
                    target.scrollIntoView({ block: 'start' });
            } else {
                bridge.openLink(link.href);
            }
            return;
        }
        const block = event.target.closest('.fm-block');
        if (!block || event.target.closest('button'))
            return;
        const index = Array.prototype.indexOf.call(content.children, block);
        const image = event.target.closest('img, .fm-missing-image');
        if (image) {
            bridge.reportImageClick(index, Array.prototype.indexOf.call(imagesOf(block), image));
            return;
        }
        const r = block.getBoundingClientRect();
        bridge.reportClick(index, r.height > 0 ? (event.clientY - r.top) / r.height : 0);
    }

    function setTheme(theme) {
        root.dataset.theme = theme;
    }

    // The interface language changed: new labels, and the blocks that show one built again from
    // their HTML (the blocks on screen, in order); a missing image's box is made again when its
    // image fails to load again. Other blocks, and so live players, stay as they are.
    function setStrings(json, blocks) {
        try { strings = JSON.parse(json || '{}'); } catch (e) { return; }
        const kids = Array.from(content.children);
        if (kids.length !== blocks.length)
            return;
        kids.forEach((block, i) => {
            if (block.querySelector('.fm-card, .fm-missing-image'))
                block.replaceWith(makeBlock(blocks[i]));
        });
    }

    document.addEventListener('DOMContentLoaded', () => {
        content = document.getElementById('content');
        document.addEventListener('click', onClick);
        window.addEventListener('scroll', onScroll, { passive: true });
        new QWebChannel(qt.webChannelTransport, (channel) => {
            bridge = channel.objects.bridge;
            bridge.resetRequested.connect(reset);
            bridge.patchRequested.connect(patch);
            bridge.scrollRequested.connect(scrollToBlock);
            bridge.revealRequested.connect(revealBlock);
            bridge.imageRequested.connect(showImage);
            bridge.themeRequested.connect(setTheme);
            bridge.stringsRequested.connect(setStrings);
            bridge.pageReady();
        });
    });
})();
