#pragma once

#include <QObject>
#include <QString>

namespace passerelle {

/**
 * Plays one audio file at a time. The kiosk uses MediaPlayerBackend (Qt Multimedia);
 * tests use a fake, since there is no sound card where they run.
 */
class AudioBackend : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /** Starts a file from its beginning, replacing whatever was playing. */
    virtual void play(const QString &file) = 0;
    virtual void pause() = 0;
    virtual void resume() = 0;
    virtual void stop() = 0;
    /** 0.0 (silent) to 1.0 (full). */
    virtual void setVolume(double volume) = 0;

Q_SIGNALS:
    /** The file played to its end. */
    void finished();
    /** The file could not be played (no sound device, damaged file). */
    void failed(const QString &reason);
};

} // namespace passerelle
