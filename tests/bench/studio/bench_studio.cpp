// passerelle --record: the studio's stop-to-next-text time, against the target
// (< 500 ms). The studio's real C++ and QML window (offscreen, software renderer) on a copy
// of the demo content, in Tigrinya; the microphone is replaced by espeak-ng speech fed as
// the microphone would deliver it (20 ms buffers), followed by silence. Two times per take:
//   - silence detected -> the take trimmed, normalised and ready to hear (stopToReview);
//   - "keep" -> Ogg Opus and the recording log written, the next text on screen (a frame
//     drawn) and ready to record.
// Prints p50/p95 over kTakes takes; exits 1 when a p95 misses the target.
#include "recordingstudio.h"
#include "copytree.h"
#include "percentile.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QProcess>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QtQml/qqmlextensionplugin.h>


#include <algorithm>

Q_IMPORT_QML_PLUGIN(Passerelle_StudioPlugin)

using namespace passerelle;
using passerelle::bench::percentile;
using passerelle::testing::copyTree;
using namespace Qt::StringLiterals;

namespace {

constexpr int kTakes = 30;
constexpr qint64 kTargetMs = 500;

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    QTextStream out(stdout);
    QTemporaryDir dir;
    const QString content = dir.filePath(u"content"_s);
    if (!dir.isValid() || !copyTree(QStringLiteral(PASSERELLE_CONTENT), content)) {
        out << "bench.studio: cannot copy the demo content\n";
        return 2;
    }

    // About 4 s of speech at the microphone's rate, then 2 s of silence.
    QProcess speech;
    speech.start(u"sh"_s, {u"-c"_s, u"espeak-ng -v en --stdout 'This is one text of the kiosk, read aloud by a volunteer.' "
                                    "| ffmpeg -v error -i - -f s16le -ac 1 -ar %1 -"_s.arg(RecordingStudio::kRate)});
    if (!speech.waitForFinished(60000) || speech.exitCode() != 0) {
        out << "bench.studio: espeak-ng or ffmpeg failed\n";
        return 2;
    }
    const QByteArray samples = speech.readAllStandardOutput() + QByteArray(RecordingStudio::kRate * 2 * 2, '\0');
    const qsizetype chunk = RecordingStudio::kRate / 50 * 2;

    RecordingStudio::Options options;
    options.contentDir = content;
    options.lang = u"ti"_s;
    options.useDevices = false;
    RecordingStudio studio(options);
    QString error;
    if (!studio.start(&error)) {
        out << "bench.studio: " << error << '\n';
        return 2;
    }
    QQuickWindow *window = studio.window();
    if (!QTest::qWaitForWindowExposed(window)) {
        out << "bench.studio: the window is not shown\n";
        return 2;
    }

    QList<qint64> toReview, toNext;
    for (int take = 0; take < kTakes; ++take) {
        if (studio.phase() != RecordingStudio::Phase::Ready) {
            out << "bench.studio: take " << take << ": the studio is not ready to record\n";
            return 1;
        }
        studio.record();
        for (qsizetype at = 0; at < samples.size() && studio.phase() == RecordingStudio::Phase::Recording; at += chunk)
            studio.feed(samples.mid(at, chunk));
        if (studio.phase() != RecordingStudio::Phase::Reviewing || !studio.canKeep()) {
            out << "bench.studio: take " << take << " did not end on its silence, or was refused: "
                << studio.problems().join(u"; "_s) << '\n';
            return 1;
        }
        toReview.append(studio.lastTiming().stopToReview);

        const QString before = studio.code();
        bool drawn = false;
        const auto connection = QObject::connect(window, &QQuickWindow::frameSwapped, &studio, [&] { drawn = true; });
        QElapsedTimer kept;
        kept.start();
        studio.keep();
        if (!QTest::qWaitFor([&] { return drawn; }, 10000) || studio.code() == before) {
            out << "bench.studio: take " << take << ": the next text was not drawn\n";
            return 1;
        }
        toNext.append(kept.elapsed());
        QObject::disconnect(connection);
    }

    const qint64 review95 = percentile(toReview, 0.95), next95 = percentile(toNext, 0.95);
    const bool missed = review95 >= kTargetMs || next95 >= kTargetMs;
    out << "bench.studio: demo content, ti, " << kTakes << " takes of " << samples.size() / 2 / RecordingStudio::kRate
        << " s (speech then silence)\n";
    out << "bench.studio: silence detected -> take ready to hear: p50 " << percentile(toReview, 0.5) << " ms, p95 "
        << review95 << " ms (target < " << kTargetMs << " ms: " << (review95 < kTargetMs ? "ok" : "MISSED") << ")\n";
    out << "bench.studio: keep -> next text drawn, ready to record: p50 " << percentile(toNext, 0.5) << " ms, p95 "
        << next95 << " ms (target < " << kTargetMs << " ms: " << (next95 < kTargetMs ? "ok" : "MISSED") << ")\n";
    return missed ? 1 : 0;
}
