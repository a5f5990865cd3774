#pragma once

#include "contentmodel.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace passerelle::content {

/** How far one page is in one language: text, review and audio. */
struct PageCoverage
{
    enum class Text { UpToDate, Outdated, Missing };
    enum class Audio { None, Synthetic, Human, Mixed, Partial };

    Text text = Text::Missing;
    int outdatedBlocks = 0;
    bool tracked = true; // the translation lists translated_from hashes
    int blocks = 0;
    QString review; // machine, draft, reviewed; empty when missing
    Audio audio = Audio::None;
    int withAudio = 0;
    int texts = 0; // title and blocks
};

[[nodiscard]] PageCoverage pageCoverage(const ContentSet &set, const PageFile &french, const QString &lang);
[[nodiscard]] QString textName(PageCoverage::Text text);
[[nodiscard]] QString audioName(PageCoverage::Audio audio);

/**
 * A static, self-contained HTML page: pages x languages, each cell saying text up to date /
 * outdated / missing, the review state and the audio (human / synthetic / none), in words
 * and symbols as well as colours; then the same for the short texts of the YAML files.
 * generated is printed as it is (the caller decides the time, for reproducible files).
 */
[[nodiscard]] QByteArray renderCoverageReport(const ContentSet &set, const QString &generated);

} // namespace passerelle::content
