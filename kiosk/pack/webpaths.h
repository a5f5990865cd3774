#pragma once

// Where each screen lives in the web copy of a pack (passerelle-pack export-web).
//
// These paths are a public interface: the kiosk's QR codes are the pack's base_url
// followed by one of them, and printed QR codes outlive packs. Never change them;
// only add new ones.
//
//   index.html                              every language, each by its own name
//   <lang>/index.html                       home: the topics            (route home)
//   <lang>/topic/<topic>.html               a topic, every paper        (route topic/<topic>)
//   <lang>/status/index.html                "Which paper do you have?"  (route status)
//   <lang>/status/<status>/index.html       home for one paper, "unknown" included
//   <lang>/status/<status>/<topic>.html     a topic's pages for one paper
//   <lang>/page/<id>.html                   one page, the version in force on the export date
//   passerelle.css, pictograms/<name>.svg, audio/<sha256>.<ext>
//
// <lang> is the pack's language code (fr, ar, prs, ...); ids are [a-z0-9_-]+.
// Every page exists in every language of the pack; a page id with no version in
// force on the export date still has its file, which says so.

#include <QString>

namespace passerelle::content {

/**
 * The site path (no leading slash) of a kiosk route in a language, for a residence
 * status or none; empty for a route the web copy has no page for. The kiosk's QR link
 * is base_url + "/" + this.
 */
[[nodiscard]] QString webPathForRoute(const QString &route, const QString &lang,
                                      const QString &status = {});

/** True for ids that are safe as one URL path segment and file name: [a-z0-9_-]+. */
[[nodiscard]] bool isWebSafeId(const QString &id);

} // namespace passerelle::content
