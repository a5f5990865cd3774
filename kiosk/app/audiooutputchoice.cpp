#include "audiooutputchoice.h"

#include <QAudioDevice>
#include <QRegularExpression>

namespace passerelle {

using namespace Qt::StringLiterals;

namespace {

qsizetype defaultIndex(const QList<AudioOutputInfo> &outputs)
{
    for (qsizetype i = 0; i < outputs.size(); ++i)
        if (outputs[i].isDefault)
            return i;
    return outputs.isEmpty() ? -1 : 0;
}

} // namespace

AudioOutputChoice::AudioOutputChoice(const QString &configured) : m_configured(configured.trimmed())
{
    if (m_configured.isEmpty() || m_configured.compare(u"default"_s, Qt::CaseInsensitive) == 0)
        m_mode = Mode::Default;
    else if (QString(m_configured).replace(u'-', u' ').replace(u'_', u' ').simplified().compare(
                 u"headset first"_s, Qt::CaseInsensitive) == 0)
        m_mode = Mode::HeadsetFirst;
    else
        m_mode = Mode::Named;
}

bool AudioOutputChoice::looksLikeHeadset(const QString &description)
{
    // PulseAudio and PipeWire name outputs from the card and the profile or port:
    // "Built-in Audio Analog Stereo", "USB-Headset Analog Stereo", "Jabra EVOLVE 20
    // Headset", "Headphones"; French desktops may say "Casque" or "Écouteurs".
    static const QRegularExpression words(u"headset|headphone|earphone|earbud|casque|[ée]couteur"_s,
                                          QRegularExpression::CaseInsensitiveOption);
    return words.match(description).hasMatch();
}

AudioOutputChoice::Result AudioOutputChoice::choose(const QList<AudioOutputInfo> &outputs) const
{
    Result result;
    result.index = defaultIndex(outputs);
    if (outputs.isEmpty())
        return result;
    switch (m_mode) {
    case Mode::Default:
        break;
    case Mode::HeadsetFirst:
        // The default output when it is a headset itself, else the first headset listed.
        if (!looksLikeHeadset(outputs[result.index].description)) {
            for (qsizetype i = 0; i < outputs.size(); ++i) {
                if (looksLikeHeadset(outputs[i].description)) {
                    result.index = i;
                    break;
                }
            }
        }
        break;
    case Mode::Named: {
        for (qsizetype i = 0; i < outputs.size(); ++i) {
            // Or its id, PulseAudio's sink name (pactl list short sinks).
            if (outputs[i].description.contains(m_configured, Qt::CaseInsensitive)
                || outputs[i].id == m_configured.toUtf8()) {
                result.index = i;
                return result;
            }
        }
        QStringList seen;
        for (const AudioOutputInfo &o : outputs)
            seen.append(u"\"%1\""_s.arg(o.description));
        result.warning = u"[audio] output: no sound output's name contains \"%1\" (outputs seen: %2); "
                         "using the system default, \"%3\""_s
                             .arg(m_configured, seen.join(u", "_s), outputs[result.index].description);
        break;
    }
    }
    return result;
}

AudioOutputInfo AudioOutputChoice::infoOf(const QAudioDevice &device)
{
    return AudioOutputInfo{device.id(), device.description(), device.isDefault()};
}

QList<AudioOutputInfo> AudioOutputChoice::infoOf(const QList<QAudioDevice> &devices)
{
    QList<AudioOutputInfo> out;
    out.reserve(devices.size());
    for (const QAudioDevice &d : devices)
        out.append(infoOf(d));
    return out;
}

} // namespace passerelle
