#pragma once

#include <QStringList>

namespace passerelle {

/**
 * The pictograms the kiosk's own screens draw (navigation, audio, modes, warnings).
 * Every pack must have them; passerelle-pack check says so when one is missing.
 * Keep in step with qml/: the self-test fails on a pictogram a screen asks for in vain.
 */
inline QStringList uiPictograms()
{
    return {QStringLiteral("back"), QStringLiteral("check"), QStringLiteral("clock"), QStringLiteral("close"), QStringLiteral("emergency"),
            QStringLiteral("high-contrast"), QStringLiteral("home"), QStringLiteral("info"), QStringLiteral("language"),
            QStringLiteral("large-text"), QStringLiteral("map-pin"), QStringLiteral("more-time"), QStringLiteral("next"),
            QStringLiteral("no-audio"), QStringLiteral("pause"), QStringLiteral("phone"), QStringLiteral("play"),
            QStringLiteral("repeat"), QStringLiteral("speaker"), QStringLiteral("stop"), QStringLiteral("touch"),
            QStringLiteral("unknown-paper"), QStringLiteral("volume-down"), QStringLiteral("volume-up"),
            QStringLiteral("warning")};
}

} // namespace passerelle
