#pragma once

// An AudioBackend for machines without a sound card: it records what it was asked to
// do, and a test decides when a file "finishes" or "fails".

#include "audiobackend.h"

#include <QStringList>

namespace passerelle {

class FakeAudioBackend : public AudioBackend
{
    Q_OBJECT
    Q_PROPERTY(QStringList played READ played NOTIFY changed)
    Q_PROPERTY(QString state READ state NOTIFY changed)
    Q_PROPERTY(double volume READ volume NOTIFY changed)

public:
    using AudioBackend::AudioBackend;

    void play(const QString &file) override { m_played.append(file); setState(QStringLiteral("playing")); }
    void pause() override { setState(QStringLiteral("paused")); }
    void resume() override { setState(QStringLiteral("playing")); }
    void stop() override { setState(QStringLiteral("stopped")); }
    void setVolume(double volume) override { m_volume = volume; Q_EMIT changed(); }

    [[nodiscard]] QStringList played() const { return m_played; }
    [[nodiscard]] QString state() const { return m_state; }
    [[nodiscard]] double volume() const { return m_volume; }

    /** The current file played to its end. */
    Q_INVOKABLE void finish() { setState(QStringLiteral("stopped")); Q_EMIT finished(); }
    Q_INVOKABLE void fail() { setState(QStringLiteral("stopped")); Q_EMIT failed(QStringLiteral("no device")); }
    Q_INVOKABLE void clear() { m_played.clear(); Q_EMIT changed(); }

Q_SIGNALS:
    void changed();

private:
    void setState(const QString &state) { m_state = state; Q_EMIT changed(); }

    QStringList m_played;
    QString m_state = QStringLiteral("stopped");
    double m_volume = 0;
};

} // namespace passerelle
