#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

class QAudioDevice;

namespace passerelle {

/** One sound output as the choice sees it: QAudioDevice's id and description. */
struct AudioOutputInfo
{
    QByteArray id;
    QString description;
    bool isDefault = false;

    friend bool operator==(const AudioOutputInfo &, const AudioOutputInfo &) = default;
};

/**
 * Which sound output the kiosk plays through, from passerelle.conf's [audio] output:
 * empty or "default" is the system's default output; "headset first" is a headset or
 * headphones when one is present, else the default; anything else is the first output
 * whose description contains that text (case-insensitive) or whose id is that text,
 * else the default with a warning naming the value and the outputs seen. Pure: no
 * sound system is asked.
 */
class AudioOutputChoice
{
public:
    enum class Mode { Default, HeadsetFirst, Named };

    struct Result
    {
        /** Index in the list given to choose(); -1 when the list is empty. */
        qsizetype index = -1;
        /** Why the configured output was not found; empty when nothing to report. */
        QString warning;
    };

    explicit AudioOutputChoice(const QString &configured = {});

    [[nodiscard]] Mode mode() const { return m_mode; }
    [[nodiscard]] QString configured() const { return m_configured; }

    [[nodiscard]] Result choose(const QList<AudioOutputInfo> &outputs) const;

    /** True for a description naming a headset, headphones or earphones (en, fr). */
    [[nodiscard]] static bool looksLikeHeadset(const QString &description);
    [[nodiscard]] static AudioOutputInfo infoOf(const QAudioDevice &device);
    [[nodiscard]] static QList<AudioOutputInfo> infoOf(const QList<QAudioDevice> &devices);

private:
    QString m_configured;
    Mode m_mode = Mode::Default;
};

} // namespace passerelle
