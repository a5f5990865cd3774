#include "narrator.h"

#include "audiobackend.h"
#include "chime.h"

#include <QDir>

#include <algorithm>

namespace passerelle {

Narrator::Narrator(AudioBackend *backend, QObject *parent) : QObject(parent), m_backend(backend)
{
    connect(m_backend, &AudioBackend::finished, this, &Narrator::onFinished);
    connect(m_backend, &AudioBackend::failed, this, [this] {
        m_index = -1;
        m_paused = false;
        m_saying = false;
        m_noticePlaying = false;
        m_cue.clear();
        m_failed = true;
        Q_EMIT stateChanged();
        updateNotice();
    });
    m_noticeTimer.setSingleShot(true);
    m_noticeTimer.setInterval(kNoticeMinimumMs);
    connect(&m_noticeTimer, &QTimer::timeout, this, &Narrator::updateNotice);
    applyVolume();
}

void Narrator::setMachineVoice(std::function<bool(const QString &)> isSynthetic, std::function<QString()> noticeFile)
{
    m_isSynthetic = std::move(isSynthetic);
    m_noticeFile = std::move(noticeFile);
}

void Narrator::start(const QString &file)
{
    m_noticePlaying = false;
    if (!m_noticeGiven && m_isSynthetic && m_isSynthetic(file)) {
        // ACCESSIBILITY.md req. 2: the listener is told that a machine speaks, once per visitor.
        m_noticeGiven = true;
        setNoticeShown(true);
        Q_EMIT machineVoiceNoticeChanged();
        m_noticeTimer.start();
        const QString notice = m_noticeFile ? m_noticeFile() : QString();
        if (!notice.isEmpty() && notice != file) {
            m_noticePlaying = true;
            m_afterNotice = file;
            m_backend->play(notice);
            return;
        }
    }
    m_backend->play(file);
}

void Narrator::setNoticeShown(bool shown)
{
    if (m_noticeShown == shown)
        return;
    m_noticeShown = shown;
    Q_EMIT machineVoiceNoticeChanged();
}

void Narrator::updateNotice()
{
    if (m_noticeShown && !m_noticeTimer.isActive() && !m_noticePlaying && !m_saying && m_index < 0)
        setNoticeShown(false);
}

bool Narrator::canSpeak(const QStringList &files)
{
    return std::any_of(files.cbegin(), files.cend(), [](const QString &f) { return !f.isEmpty(); });
}

void Narrator::play(const QStringList &files, int start, bool onlyOne)
{
    m_backend->stop();
    m_cue.clear();
    m_saying = false;
    m_noticePlaying = false;
    m_files = files;
    m_onlyOne = onlyOne;
    m_failed = false;
    playFrom(start);
}

void Narrator::playFrom(int index)
{
    m_paused = false;
    while (index >= 0 && index < m_files.size() && m_files.at(index).isEmpty() && !m_onlyOne)
        ++index;
    if (index < 0 || index >= m_files.size() || m_files.at(index).isEmpty()) {
        m_index = -1;
        Q_EMIT stateChanged();
        updateNotice();
        return;
    }
    m_index = index;
    Q_EMIT stateChanged();
    start(m_files.at(index));
}

void Narrator::say(const QStringList &files)
{
    m_backend->stop();
    m_failed = false;
    m_noticePlaying = false;
    if (m_index >= 0 || m_paused) {
        m_index = -1;
        m_paused = false;
        Q_EMIT stateChanged();
    }
    m_cue.clear();
    for (const QString &f : files) {
        if (!f.isEmpty())
            m_cue.append(f);
    }
    sayNext();
}

void Narrator::sayNext()
{
    m_saying = !m_cue.isEmpty();
    if (m_saying)
        start(m_cue.takeFirst());
    else
        updateNotice();
}

QString Narrator::chime()
{
    if (!m_chime) {
        m_chime = std::make_unique<QTemporaryFile>(QDir::temp().filePath(QStringLiteral("passerelle-chime-XXXXXX.wav")));
        if (!m_chime->open() || m_chime->write(chimeWav()) < 0 || !m_chime->flush()) {
            m_chime.reset(); // tried again next time; meanwhile the warning is only spoken
            return QString();
        }
    }
    return m_chime->fileName();
}

void Narrator::onFinished()
{
    if (m_noticePlaying) {
        m_noticePlaying = false;
        m_backend->play(m_afterNotice);
        return;
    }
    if (m_saying) {
        sayNext();
        return;
    }
    if (m_index < 0)
        return;
    if (m_onlyOne) {
        m_index = -1;
        Q_EMIT stateChanged();
        updateNotice();
        return;
    }
    playFrom(m_index + 1);
}

void Narrator::pause()
{
    if (m_index < 0 || m_paused)
        return;
    m_backend->pause();
    m_paused = true;
    Q_EMIT stateChanged();
}

void Narrator::resume()
{
    if (m_index < 0 || !m_paused)
        return;
    m_backend->resume();
    m_paused = false;
    Q_EMIT stateChanged();
}

void Narrator::repeat()
{
    if (m_index >= 0)
        playFrom(m_index);
}

void Narrator::stop()
{
    if (m_index < 0 && !m_paused && !m_saying)
        return;
    m_cue.clear();
    m_saying = false;
    m_noticePlaying = false;
    m_backend->stop();
    m_index = -1;
    m_paused = false;
    Q_EMIT stateChanged();
    updateNotice();
}

void Narrator::volumeUp()
{
    if (!canVolumeUp())
        return;
    ++m_volumeStep;
    applyVolume();
}

void Narrator::volumeDown()
{
    if (!canVolumeDown())
        return;
    --m_volumeStep;
    applyVolume();
}

void Narrator::reset()
{
    stop();
    m_files.clear();
    m_failed = false;
    // The next visitor is told again that a machine speaks.
    m_noticePlaying = false;
    m_noticeTimer.stop();
    setNoticeShown(false);
    if (m_noticeGiven) {
        m_noticeGiven = false;
        Q_EMIT machineVoiceNoticeChanged();
    }
    if (m_volumeStep != kDefaultVolumeStep) {
        m_volumeStep = kDefaultVolumeStep;
        applyVolume();
    }
    Q_EMIT stateChanged();
}

void Narrator::applyVolume()
{
    m_backend->setVolume(double(m_volumeStep) / kVolumeSteps);
    Q_EMIT volumeChanged();
}

} // namespace passerelle
