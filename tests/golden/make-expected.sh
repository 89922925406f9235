#!/usr/bin/env bash
# Regenerates tests/golden/expected/ from the installed Hugo (Debian 12's 0.111.3, which
# packaging/dev.sh installs): the reference HTML for the project's own golden posts.
#
#   tests/golden/make-expected.sh      then review `git diff tests/golden/expected` and commit
#
# Each post in posts/ (a file, or a page-bundle folder with index.md) goes under content/posts/
# of a scratch copy of site/ in a temporary folder; posts named unsafe-* go into a second copy
# whose hugo.toml also gets site/unsafe.toml (markup.goldmark.renderer.unsafe = true). Hugo
# builds both into the temporary folder, and layouts/_default/single.html prints only
# {{ .Content }}, which is copied to expected/<name>.html. Nothing but expected/ is written in
# the repository. tst_golden builds the same two sites to render the posts with Frontmark, at
# --hugo-version 0.111: Debian has only Hugo 0.111.3, so current Hugo's shortcode markup has no
# reference here (tests/unit/tst_shortcodes.cpp covers it from Hugo's own templates).
#
# site/layouts/shortcodes/ holds the stub markup of ../shared/corpus/README.md for the
# built-ins 0.111 can only render online (tweet, twitter, twitter_simple, instagram,
# vimeo_simple) and for `notice`, a stand-in for a theme shortcode; tst_golden compares with
# --ignore-stubs, so they only pin where such a shortcode sits and what its inner text becomes.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command -v hugo >/dev/null || { echo "hugo is not installed (packaging/dev.sh deps installs it)" >&2; exit 2; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for variant in safe unsafe; do
    cp -r "$here/site" "$tmp/$variant"
    rm -f "$tmp/$variant/unsafe.toml"
done
cat "$here/site/unsafe.toml" >>"$tmp/unsafe/hugo.toml"

names=()
for post in "$here"/posts/*; do
    name="$(basename "$post" .md)"
    variant=safe
    [[ "$name" == unsafe-* ]] && variant=unsafe
    cp -r "$post" "$tmp/$variant/content/posts/"
    names+=("$variant:$name")
done

for variant in safe unsafe; do
    # Drafts, future and expired posts are built too, as in ../shared/corpus.
    hugo --source "$tmp/$variant" --destination "$tmp/public-$variant" --buildDrafts --buildFuture \
        --buildExpired
done

rm -f "$here"/expected/*.html
for entry in "${names[@]}"; do
    variant="${entry%%:*}" name="${entry#*:}"
    out="$tmp/public-$variant/posts/$name/index.html"
    [ -f "$out" ] || { echo "hugo wrote no $out (a post may not set url or slug)" >&2; exit 1; }
    cp "$out" "$here/expected/$name.html"
done
hugo version >"$here/expected/HUGO_VERSION"
echo "wrote ${#names[@]} expected files with $(cat "$here/expected/HUGO_VERSION")"
