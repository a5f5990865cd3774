#pragma once

#include "audiobackend.h"

#include <QTimer>

namespace passerelle {

/**
 * Plays nothing, at once: what the kiosk uses when it renders screens offscreen
 * (--screenshot, --gallery, --self-test), where nobody listens and a sound server
 * may not exist. Each file "finishes" on the next turn of the event loop.
 */
class SilentAudioBackend : public AudioBackend
{
    Q_OBJECT

public:
    using AudioBackend::AudioBackend;

    void play(const QString &) override { QTimer::singleShot(0, this, &AudioBackend::finished); }
    void pause() override {}
    void resume() override {}
    void stop() override {}
    void setVolume(double) override {}
};

} // namespace passerelle
