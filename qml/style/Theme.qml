pragma Singleton
import QtQuick
import Passerelle.Kiosk

// Every size, colour and font of the UI. Sizes are in millimetres at the configured
// screen density, so touch targets stay 20 mm whatever the screen.
QtObject {
    id: root

    // Pixels per millimetre: 3.6 is a 24" 1920x1080 screen; [display] px_per_mm of the config.
    property real pxPerMm: KioskSettings.pxPerMm
    function mm(millimetres: real): int { return Math.round(millimetres * root.pxPerMm) }

    readonly property int touchTarget: mm(20)
    readonly property int gap: mm(5)
    readonly property int margin: mm(8)
    readonly property int radius: mm(3)
    readonly property int borderWidth: 3
    readonly property int barHeight: large ? mm(34) : mm(26)
    readonly property int pictogramSize: mm(16)
    readonly property int tilePictogramSize: mm(34)

    readonly property bool contrast: Session.highContrast
    readonly property bool large: Session.largeText

    // Contrast ratios (WCAG): text on background about 15:1, muted text 7.6:1, white on
    // accent 8.6:1, white on emergency red 6.6:1; high contrast is white or yellow on black.
    readonly property color background: contrast ? "#000000" : "#f4f1ea"
    readonly property color surface: contrast ? "#000000" : "#ffffff"
    readonly property color surfacePressed: contrast ? "#333333" : "#dfe7f3"
    readonly property color text: contrast ? "#ffffff" : "#1a1a1a"
    readonly property color textMuted: contrast ? "#ffffff" : "#4d4d4d"
    readonly property color border: contrast ? "#ffffff" : "#6b6b6b"
    readonly property color accent: contrast ? "#ffff00" : "#0d47a1"
    // Not "onAccent": a name starting with "on" and a capital reads as a signal handler in QML.
    readonly property color accentInk: contrast ? "black" : "white"
    readonly property color emergency: contrast ? "#ffff00" : "#b71c1c"
    readonly property color emergencyInk: contrast ? "black" : "white"
    readonly property color warningBackground: contrast ? "#000000" : "#fff3e0"
    readonly property color warningBorder: contrast ? "#ffffff" : "#bf360c"
    readonly property string pictogramVariant: contrast ? "?inverse" : ""

    // A capital H of the large body text is at least 7.3 mm tall (cap height ~0.71 em).
    readonly property int bodySize: large ? 40 : 28
    readonly property int labelSize: large ? 36 : 26
    readonly property int titleSize: large ? 56 : 44
    readonly property int smallSize: large ? 30 : 20
    readonly property string fontFamily: Session.fontFamily

    function pictogram(name: string): string {
        return name.length > 0 ? "image://picto/" + name + pictogramVariant : ""
    }
}
