// Issue #12: import of 300 one-minute phone recordings (half M4A/AAC 48 kHz stereo, half MP3
// 44.1 kHz mono, made once by espeak-ng and ffmpeg; their making is not measured), each
// through what import-audio does to a file: decode (Qt Multimedia over GStreamer), process
// (trim, loudness, normalise with the limiter, judge) and write (Opus encoding, atomic
// write). Prints CPU seconds per minute of audio against the target, the wall time, and
// where the time goes. Exits 1 when the target is missed or a file fails.
//
// Target: at most 2 s of CPU per minute of audio, a thirtieth of real time ("well under real
// time"): an interpreter's afternoon of 300 texts imports in minutes on a two-core office
// computer.
#include "recordingprocess.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

using namespace passerelle;
using namespace passerelle::content;
using namespace Qt::StringLiterals;

namespace {

constexpr int kFiles = 300;
constexpr double kMinutes = 1.0;
constexpr double kTargetCpuPerMinute = 2.0;

QTextStream out(stdout);

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

bool run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(program, args);
    return p.waitForFinished(600'000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

struct Stage
{
    double cpu = 0, wall = 0;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;

    // One minute of speech: a French paragraph by espeak-ng, looped to 60 s by ffmpeg.
    const QString paragraph = u"Si vous n'avez pas de titre de séjour, vous avez droit à l'aide médicale urgente. "
                              "Demandez-la au CPAS de la commune où vous habitez. Le médecin remplit un certificat, "
                              "et le CPAS paie les soins. Gardez les papiers que l'on vous donne."_s;
    const QString speech = dir.filePath(u"speech.wav"_s);
    const QString m4a = dir.filePath(u"minute.m4a"_s), mp3 = dir.filePath(u"minute.mp3"_s);
    const QStringList loop{u"-nostdin"_s, u"-y"_s, u"-loglevel"_s, u"error"_s, u"-stream_loop"_s, u"-1"_s, u"-i"_s, speech,
                           u"-t"_s, QString::number(kMinutes * 60)};
    if (!run(u"espeak-ng"_s, {u"-v"_s, u"fr-be"_s, u"-w"_s, speech, paragraph})
        || !run(u"ffmpeg"_s, loop + QStringList{u"-ac"_s, u"2"_s, u"-ar"_s, u"48000"_s, u"-c:a"_s, u"aac"_s, u"-b:a"_s, u"96k"_s, m4a})
        || !run(u"ffmpeg"_s, loop + QStringList{u"-ac"_s, u"1"_s, u"-ar"_s, u"44100"_s, u"-b:a"_s, u"64k"_s, mp3})) {
        out << "bench.import: cannot make the recordings (espeak-ng, ffmpeg)\n";
        return 1;
    }
    const QString phone = dir.filePath(u"phone"_s), content = dir.filePath(u"content/audio/ti"_s);
    QDir().mkpath(phone);
    QStringList files;
    for (int i = 0; i < kFiles; ++i) {
        const QString file = QDir(phone).filePath(u"S%1-%2.%3"_s.arg(i / 10 + 1).arg(i % 10 + 1).arg(i % 2 ? u"mp3"_s : u"m4a"_s));
        if (!QFile::copy(i % 2 ? mp3 : m4a, file))
            return 1;
        files.append(file);
    }

    Stage decode, process, write;
    double audioSeconds = 0;
    int failures = 0;
    QElapsedTimer total;
    total.start();
    const double cpuStart = cpuSeconds();
    for (int i = 0; i < kFiles; ++i) {
        QElapsedTimer t;
        t.start();
        double cpu = cpuSeconds();
        const Result<Pcm> pcm = decodeAudioFile(files[i]);
        decode.cpu += cpuSeconds() - cpu;
        decode.wall += double(t.nsecsElapsed()) / 1e9;
        if (!pcm) {
            out << pcm.problem().toString() << '\n';
            ++failures;
            continue;
        }
        audioSeconds += pcm->seconds();

        t.restart();
        cpu = cpuSeconds();
        // A minute-long text: the recording fits it.
        const ProcessedRecording r = processRecording(pcm.value(), kMinutes * 60);
        process.cpu += cpuSeconds() - cpu;
        process.wall += double(t.nsecsElapsed()) / 1e9;
        if (r.refused) {
            out << files[i] << ": refused: " << r.problems.join(u"; "_s) << '\n';
            ++failures;
            continue;
        }

        t.restart();
        cpu = cpuSeconds();
        const Result<void> written = writeRecording(r.pcm, QDir(content).filePath(u"%1.opus"_s.arg(i)));
        write.cpu += cpuSeconds() - cpu;
        write.wall += double(t.nsecsElapsed()) / 1e9;
        if (!written) {
            out << written.problem().toString() << '\n';
            ++failures;
        }
    }
    const double cpu = cpuSeconds() - cpuStart;
    const double wall = double(total.nsecsElapsed()) / 1e9;
    const double minutes = audioSeconds / 60;
    const double perMinute = minutes > 0 ? cpu / minutes : 0;

    const auto line = [&](const char *name, const Stage &s) {
        out << "  " << qSetFieldWidth(10) << Qt::left << name << qSetFieldWidth(0) << Qt::right
            << QString::number(s.cpu, 'f', 1) << " s CPU (" << QString::number(s.cpu / minutes, 'f', 3) << " s per minute, "
            << QString::number(100 * s.cpu / cpu, 'f', 0) << " %), " << QString::number(s.wall, 'f', 1) << " s wall\n";
    };
    out << "bench.import: " << kFiles << " recordings of " << kMinutes << " min (M4A/AAC 48 kHz stereo and MP3 44.1 kHz mono), "
        << QString::number(minutes, 'f', 1) << " min of audio, " << failures << " failed\n";
    out << "  CPU: " << QString::number(cpu, 'f', 1) << " s, " << QString::number(perMinute, 'f', 3)
        << " s per minute of audio (target <= " << kTargetCpuPerMinute << " s; real time is 60 s): "
        << (perMinute <= kTargetCpuPerMinute ? "met" : "MISSED") << '\n';
    out << "  wall: " << QString::number(wall, 'f', 1) << " s (" << QString::number(wall / minutes, 'f', 3)
        << " s per minute of audio; one file after the other, on a machine other work shares)\n";
    out << "where the time goes:\n";
    line("decode", decode);
    line("process", process);
    line("write", write);
    out.flush();
    return failures == 0 && perMinute <= kTargetCpuPerMinute ? 0 : 1;
}
