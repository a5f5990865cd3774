#include "recordingstudio.h"

#include "contentloader.h"

#include <QAudioDevice>
#include <QAudioFormat>
#include <QAudioSink>
#include <QAudioSource>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLocale>
#include <QLoggingCategory>
#include <QMediaDevices>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QScreen>
#include <QTimer>

namespace passerelle {

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcStudio, "passerelle.studio")

const QUrl kWindowQml(u"qrc:/qt/qml/Passerelle/Studio/StudioWindow.qml"_s);

QAudioFormat captureFormat()
{
    QAudioFormat format;
    format.setSampleRate(RecordingStudio::kRate);
    format.setChannelCount(1);
    format.setSampleFormat(QAudioFormat::Int16);
    return format;
}

/** The post-processing's problems (kiosk/pack/recordingprocess.cpp), in the studio's words: French, plain. */
QString inFrench(const QString &problem)
{
    static const QList<std::pair<QString, QString>> words{
        {u"empty"_s, u"rien entendu : vérifiez le micro, puis recommencez"_s},
        {u"mostly silence"_s, u"surtout du silence : parlez dès que l'enregistrement commence"_s},
        {u"clipped"_s, u"saturé : parlez un peu plus loin du micro, ou moins fort"_s},
        {u"too quiet"_s, u"trop faible : parlez plus près du micro"_s},
        {u"quieter than the other"_s, u"plus faible que les autres enregistrements (un bruit fort pendant la prise ?)"_s},
        {u"a pause of"_s, u"une longue pause au milieu"_s},
        {u"far too long"_s, u"beaucoup trop long pour ce texte : est-ce le bon texte ?"_s},
        {u"too long"_s, u"un peu long pour ce texte"_s},
        {u"much shorter"_s, u"beaucoup plus court que le texte : une partie manque ?"_s},
    };
    for (const auto &[english, french] : words) {
        if (problem.contains(english))
            return french;
    }
    return problem;
}

/**
 * The duration of an Ogg Opus file, from the granule position of its last page (48 kHz
 * samples, less the pre-skip): no decoding, so hundreds of recordings are counted at start
 * in milliseconds. 0 when the file is not one.
 */
double opusSeconds(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray head = file.read(64);
    const qsizetype opusHead = head.indexOf("OpusHead");
    if (opusHead < 0 || head.size() < opusHead + 12)
        return 0;
    const int preSkip = quint8(head[opusHead + 10]) | (quint8(head[opusHead + 11]) << 8);
    const qint64 tail = std::max<qint64>(0, file.size() - 65536);
    file.seek(tail);
    const QByteArray end = file.readAll();
    const qsizetype last = end.lastIndexOf("OggS");
    if (last < 0 || end.size() < last + 14)
        return 0;
    qint64 granule = 0;
    for (int i = 7; i >= 0; --i)
        granule = (granule << 8) | quint8(end[last + 6 + i]);
    return granule > preSkip ? double(granule - preSkip) / 48000.0 : 0;
}

} // namespace

RecordingStudio::RecordingStudio(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    m_clock.start();
}

RecordingStudio::~RecordingStudio()
{
    stopCapture();
    stopPlayback();
    m_engine.reset(); // the window goes before the object it binds to
}

bool RecordingStudio::start(QString *error)
{
    if (!QFileInfo(QDir(m_options.contentDir).filePath(u"pack.yaml"_s)).isFile()) {
        *error = u"%1 is not a content folder (give the folder that holds pack.yaml)"_s.arg(m_options.contentDir);
        return false;
    }
    Problems problems;
    const content::ContentSet set = content::loadContent(m_options.contentDir, problems);
    for (const Problem &problem : std::as_const(problems))
        qCWarning(lcStudio).noquote() << problem.toString();
    const auto language = std::find_if(set.pack.languages.cbegin(), set.pack.languages.cend(),
                                       [&](const content::LanguageDecl &l) { return l.code == m_options.lang; });
    if (language == set.pack.languages.cend()) {
        QStringList codes;
        for (const content::LanguageDecl &l : set.pack.languages)
            codes.append(l.code);
        *error = u"%1 has no language %2 (its languages: %3); give one with --lang"_s.arg(
            m_options.contentDir, m_options.lang, codes.join(u", "_s));
        return false;
    }
    m_languageName = language->endonym;
    m_font = language->font;
    m_rightToLeft = language->direction == u"rtl"_s;

    Result<content::RecordingLog> log = content::RecordingLog::read(m_options.contentDir, m_options.lang);
    if (!log) {
        *error = log.problem().toString();
        return false;
    }
    m_log = log.value();
    m_units = content::codedUnits(set, m_options.lang);
    // Only texts a recording can be made for (every text has a file name today).
    m_units.removeIf([](const content::CodedUnit &u) { return u.unit.recording.isEmpty(); });
    for (int i = 0; i < m_units.size(); ++i) {
        if (needsRecording(m_units[i]))
            m_pending.append(i);
        else
            m_secondsKept += opusSeconds(QDir(m_options.contentDir).filePath(u"audio/"_s + m_options.lang + u'/'
                                                                               + m_units[i].unit.recording));
    }
    m_recorded = int(m_units.size() - m_pending.size());
    qCInfo(lcStudio).noquote() << "studio:" << m_options.lang << "has" << m_units.size() << "texts," << m_pending.size()
                               << "to record";

    if (m_options.useDevices && !QMediaDevices::defaultAudioInput().isFormatSupported(captureFormat())) {
        *error = u"no microphone that records 16 kHz mono (plug one in, or choose it in the sound settings)"_s;
        return false;
    }
    showNext();

    if (m_options.showWindow) {
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_engine->addImportPath(u"qrc:/qt/qml"_s);
        m_engine->setInitialProperties({{u"studio"_s, QVariant::fromValue(this)}});
        m_engine->load(kWindowQml);
        QQuickWindow *w = window();
        if (!w) {
            *error = u"the studio window failed to load (see the QML errors above)"_s;
            return false;
        }
        // The window fits the screen it opens on (a laptop's may be small).
        const QSize available = w->screen() ? w->screen()->availableSize() : QSize();
        w->resize(available.isEmpty() ? m_options.size : m_options.size.boundedTo(available));
        w->show();
    }
    return true;
}

QQuickWindow *RecordingStudio::window() const
{
    if (!m_engine || m_engine->rootObjects().isEmpty())
        return nullptr;
    return qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
}

const content::CodedUnit *RecordingStudio::current() const
{
    return m_pending.isEmpty() ? nullptr : &m_units[m_pending.constFirst()];
}

QString RecordingStudio::code() const { return current() ? current()->code : QString(); }
QString RecordingStudio::text() const { return current() ? current()->unit.speech() : QString(); }
QString RecordingStudio::french() const { return current() ? current()->french.speech() : QString(); }
QString RecordingStudio::fileName() const { return current() ? current()->unit.recording : QString(); }

QString RecordingStudio::progressText() const
{
    const QLocale french(QLocale::French);
    // In French, 0 and 1 take the singular.
    const QString form = m_recorded <= 1 ? u"%1 texte sur %2"_s : u"%1 textes sur %2"_s;
    return form.arg(french.toString(m_recorded), french.toString(totalCount()));
}

double RecordingStudio::progress() const { return m_units.isEmpty() ? 1.0 : double(m_recorded) / m_units.size(); }

QString RecordingStudio::minutesText() const
{
    const int minutes = int(m_secondsKept / 60);
    if (m_secondsKept > 0 && minutes == 0)
        return u"moins d'une minute enregistrée"_s;
    return minutes <= 1 ? u"%1 minute enregistrée"_s.arg(minutes) : u"%1 minutes enregistrées"_s.arg(minutes);
}

bool RecordingStudio::needsRecording(const content::CodedUnit &unit) const
{
    const QString path = QDir(m_options.contentDir).filePath(u"audio/"_s + m_options.lang + u'/' + unit.unit.recording);
    if (!QFileInfo::exists(path))
        return true;
    // A recording made before the log existed (or placed by hand) is taken as current.
    const QString recordedFrom = m_log.frenchHash(unit.unit.recording);
    return !recordedFrom.isEmpty() && recordedFrom != unit.frenchHash;
}

void RecordingStudio::setPhase(Phase phase, const QString &message)
{
    m_phase = phase;
    m_message = message;
    Q_EMIT phaseChanged();
}

void RecordingStudio::showNext()
{
    m_take = {};
    m_raw.clear();
    Q_EMIT textChanged();
    Q_EMIT progressChanged();
    if (m_pending.isEmpty())
        setPhase(Phase::Finished, u"Tous les textes de cette langue sont enregistrés. Merci !"_s);
    else
        setPhase(Phase::Ready, u"Lisez le texte à voix haute après avoir appuyé sur « Enregistrer »."_s);
}

void RecordingStudio::record()
{
    if (m_phase != Phase::Ready && m_phase != Phase::Reviewing)
        return;
    stopPlayback();
    m_take = {};
    m_raw.clear();
    content::CodedUnit unit = *current();
    SpeechDetector::Settings settings = m_options.detector;
    // The hard maximum: far more than the text needs, never a minute of silence.
    settings.maximumSeconds = std::min(settings.maximumSeconds,
                                       std::max(15.0, 3 * content::expectedSpeechSeconds(unit.unit.speech())));
    m_detector = std::make_unique<SpeechDetector>(kRate, settings);
    if (m_options.useDevices) {
        m_source = std::make_unique<QAudioSource>(QMediaDevices::defaultAudioInput(), captureFormat());
        m_source->setBufferSize(kRate / 10 * 2); // 100 ms: the meter and the end of a take follow closely
        m_sourceDevice = m_source->start();
        if (!m_sourceDevice || m_source->error() != QAudio::NoError) {
            qCWarning(lcStudio) << "cannot open the microphone:" << m_source->error();
            m_source.reset();
            m_sourceDevice = nullptr;
            setPhase(Phase::Ready, u"Le micro ne répond pas. Vérifiez qu'il est branché, puis appuyez sur « Enregistrer »."_s);
            return;
        }
        connect(m_sourceDevice, &QIODevice::readyRead, this, [this] {
            if (m_sourceDevice)
                feed(m_sourceDevice->readAll());
        });
        // The microphone gone in the middle of a take (unplugged): back to the start.
        connect(m_source.get(), &QAudioSource::stateChanged, this, [this](QAudio::State state) {
            if (state != QAudio::StoppedState || !m_source || m_source->error() == QAudio::NoError
                || m_phase != Phase::Recording)
                return;
            qCWarning(lcStudio) << "the microphone stopped:" << m_source->error();
            stopCapture();
            m_level = 0;
            Q_EMIT levelChanged();
            setPhase(Phase::Ready,
                     u"Le micro s'est arrêté. Vérifiez qu'il est branché, puis appuyez sur « Enregistrer »."_s);
        });
    }
    setPhase(Phase::Recording, u"Je vous écoute. L'enregistrement s'arrête tout seul quand vous vous taisez."_s);
}

void RecordingStudio::feed(const QByteArray &samples)
{
    if (m_phase != Phase::Recording || !m_detector)
        return;
    m_raw += samples;
    const SpeechDetector::Verdict verdict = m_detector->feed(samples);
    if (!qFuzzyCompare(1 + m_detector->level(), 1 + m_level)) {
        m_level = m_detector->level();
        Q_EMIT levelChanged();
    }
    if (verdict != SpeechDetector::Verdict::Listening)
        finishTake(verdict);
}

void RecordingStudio::stop()
{
    if (m_phase == Phase::Recording)
        finishTake(m_detector && m_detector->heardSpeech() ? SpeechDetector::Verdict::Done
                                                           : SpeechDetector::Verdict::NothingHeard);
}

void RecordingStudio::finishTake(SpeechDetector::Verdict verdict)
{
    const qint64 stoppedAt = m_clock.elapsed();
    stopCapture();
    m_level = 0;
    Q_EMIT levelChanged();
    if (verdict == SpeechDetector::Verdict::NothingHeard) {
        m_take = {};
        m_take.refused = true;
        m_take.problems = QStringList{u"rien entendu : vérifiez le micro, puis recommencez"_s};
        setPhase(Phase::Reviewing, u"Je n'ai rien entendu."_s);
        return;
    }
    const content::CodedUnit *unit = current();
    m_take = content::processRecording(content::Pcm{kRate, m_raw},
                                       content::expectedSpeechSeconds(unit->unit.speech()));
    QStringList problems;
    for (const QString &p : std::as_const(m_take.problems))
        problems.append(inFrench(p));
    if (verdict == SpeechDetector::Verdict::TooLong)
        problems.append(u"arrêté au bout du temps maximum"_s);
    m_take.problems = problems;
    qCInfo(lcStudio).noquote() << "studio: take of" << unit->code << QString::number(m_take.seconds, 'f', 1) << "s"
                               << (m_take.refused ? "refused:" : "") << m_take.problems.join(u"; "_s);
    startPlayback();
    m_timing.stopToReview = m_clock.elapsed() - stoppedAt;
    setPhase(Phase::Reviewing, m_take.refused ? u"Cet enregistrement ne peut pas être gardé. Recommencez."_s
                                              : u"Écoutez. Gardez-le, ou recommencez."_s);
}

void RecordingStudio::keep()
{
    if (!canKeep())
        return;
    const qint64 keptAt = m_clock.elapsed();
    stopPlayback();
    const content::CodedUnit *unit = current();
    const QString path = QDir(m_options.contentDir).filePath(u"audio/"_s + m_options.lang + u'/' + unit->unit.recording);
    const auto written = content::writeRecording(m_take.pcm, path);
    if (!written.ok()) {
        qCWarning(lcStudio).noquote() << written.problem().toString();
        setPhase(Phase::Reviewing, u"Impossible d'écrire le fichier : %1"_s.arg(written.problem().hint));
        return;
    }
    m_log.set(unit->unit.recording, unit->frenchHash, QDate::currentDate());
    const auto logWritten = m_log.write(m_options.contentDir, m_options.lang);
    if (!logWritten.ok())
        qCWarning(lcStudio).noquote() << logWritten.problem().toString();
    qCInfo(lcStudio).noquote() << "studio: kept" << unit->code << "as" << path;
    m_secondsKept += m_take.seconds;
    ++m_recorded;
    m_pending.removeFirst();
    Q_EMIT kept(path);
    showNext();
    m_timing.keepToNext = m_clock.elapsed() - keptAt;
}

void RecordingStudio::again()
{
    if (m_phase == Phase::Reviewing)
        record();
}

void RecordingStudio::skip()
{
    if (m_phase == Phase::Recording)
        stopCapture();
    stopPlayback();
    if (m_pending.isEmpty())
        return;
    // Left for later: this session does not show it again; the next one will.
    m_pending.removeFirst();
    showNext();
}

void RecordingStudio::listen()
{
    if (m_phase == Phase::Reviewing && !m_take.pcm.samples.isEmpty())
        startPlayback();
}

void RecordingStudio::stopCapture()
{
    if (m_sourceDevice)
        disconnect(m_sourceDevice, nullptr, this, nullptr);
    m_sourceDevice = nullptr;
    if (!m_source)
        return;
    // Not now: this may run inside the source's own readyRead, and Qt 6.4's PulseAudio
    // source reads its stream again after emitting it (stopped there, libpulse aborts).
    disconnect(m_source.get(), nullptr, this, nullptr);
    QAudioSource *source = m_source.release();
    QTimer::singleShot(0, source, [source] {
        source->stop();
        source->deleteLater();
    });
}

void RecordingStudio::startPlayback()
{
    stopPlayback();
    if (!m_options.useDevices || m_take.pcm.samples.isEmpty())
        return;
    QAudioFormat format = captureFormat();
    format.setSampleRate(m_take.pcm.rate);
    m_sink = std::make_unique<QAudioSink>(QMediaDevices::defaultAudioOutput(), format);
    connect(m_sink.get(), &QAudioSink::stateChanged, this, [this](QAudio::State state) {
        if (state == QAudio::IdleState || state == QAudio::StoppedState) {
            if (m_playing) {
                m_playing = false;
                Q_EMIT playingChanged();
            }
        }
    });
    m_playBuffer.close();
    m_playBuffer.setData(m_take.pcm.samples);
    m_playBuffer.open(QIODevice::ReadOnly);
    m_sink->start(&m_playBuffer);
    m_playing = true;
    Q_EMIT playingChanged();
}

void RecordingStudio::stopPlayback()
{
    if (m_sink) {
        disconnect(m_sink.get(), nullptr, this, nullptr);
        m_sink->stop();
        m_sink.reset();
    }
    if (m_playing) {
        m_playing = false;
        Q_EMIT playingChanged();
    }
}

} // namespace passerelle
