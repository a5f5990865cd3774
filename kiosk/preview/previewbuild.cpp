#include "previewbuild.h"

#include "contentchecker.h"
#include "contentloader.h"
#include "fontcoverage.h"
#include "packbuilder.h"
#include "speechaudio.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>

namespace passerelle {

using namespace Qt::StringLiterals;

int PreviewBuild::errorCount() const
{
    return int(std::count_if(problems.cbegin(), problems.cend(),
                             [](const Problem &p) { return p.severity == Problem::Severity::Error; }));
}

int PreviewBuild::warningCount() const { return int(problems.size()) - errorCount(); }

PreviewBuild buildPreviewPack(const QString &contentDir, const QString &outDir, const QDateTime &created)
{
    PreviewBuild build;
    QElapsedTimer timer;
    timer.start();
    const auto finish = [&] {
        build.milliseconds = timer.elapsed();
        return build;
    };

    // The steps of passerelle-pack build (kiosk/pack/buildcommands.cpp), without voices:
    // checkVoices and synthesis are for the real build.
    const content::ContentSet set = content::loadContent(contentDir, build.problems);
    content::checkContent(set, build.problems);
    content::checkFonts(set, build.problems);
    if (hasErrors(build.problems))
        return finish();

    content::AudioOptions audio;
    audio.enabled = false; // human recordings only: they are files, synthesis takes minutes
    const content::AudioCatalog catalog = content::prepareAudio(set, audio, build.problems);
    if (hasErrors(build.problems))
        return finish();

    content::BuildOptions options{created};
    options.audio = &catalog;
    build.problems += content::buildPack(set, outDir, options);
    if (hasErrors(build.problems))
        return finish();

    QFile manifest(QDir(outDir).filePath(u"manifest.json"_s));
    if (!manifest.open(QIODevice::ReadOnly)) {
        build.problems.append(Problem{manifest.fileName(), 0, u"the built pack has no readable manifest"_s,
                                      manifest.errorString()});
        return finish();
    }
    build.manifest = manifest.readAll();
    build.packDir = outDir;
    return finish();
}

} // namespace passerelle
