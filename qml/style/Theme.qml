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
    // The keyboard focus ring (ACCESSIBILITY.md req. 18): a band this wide, this far outside
    // the control, so that on both of its sides is the background it is drawn on.
    readonly property int focusRingWidth: 4
    readonly property int focusRingGap: 3
    // The room a scrolling list leaves around its items, so that the ring is not clipped.
    readonly property int focusRingExtent: focusRingGap + focusRingWidth
    readonly property int barHeight: mm(26)
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
    readonly property color focusRing: contrast ? "#ffff00" : "#0d47a1"
    readonly property color accentInk: contrast ? "black" : "white"
    readonly property color emergency: contrast ? "#ffff00" : "#b71c1c"
    readonly property color emergencyInk: contrast ? "black" : "white"
    readonly property color warningBackground: contrast ? "#000000" : "#fff3e0"
    readonly property color warningBorder: contrast ? "#ffffff" : "#bf360c"
    readonly property string pictogramVariant: contrast ? "?inverse" : ""

    // In large text a capital H of every text a visitor reads is at least 7.3 mm tall
    // (ACCESSIBILITY.md req. 9), and so is an Arabic alef: Noto Sans has a cap height of
    // 0.71 em, Noto Naskh Arabic's alef is 0.68 em tall, so 10.8 mm of font size gives
    // 7.4 mm (tests/integration/tst_theme measures it). The normal sizes are those of the 3.6 px/mm screen
    // the layout was drawn for (28, 26, 44 and 20 px).
    readonly property int bodySize: large ? mm(11.5) : mm(7.8)
    readonly property int labelSize: large ? mm(10.8) : mm(7.2)
    readonly property int titleSize: large ? mm(14) : mm(12.2)
    readonly property int smallSize: large ? mm(10.8) : mm(5.6)
    readonly property string fontFamily: Session.fontFamily

    function pictogram(name: string): string {
        return name.length > 0 ? "image://picto/" + name + pictogramVariant : ""
    }

    /** A pictogram drawn for a light surface (its own colours) or a dark one ("?inverse"). */
    function pictogramOn(name: string, dark: bool): string {
        return name.length > 0 ? "image://picto/" + name + (dark ? "?inverse" : "") : ""
    }

    /** True when a colour is dark enough that pictograms on it need their inverse variant. */
    function isDark(c: color): bool {
        function channel(v) { return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4) }
        return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b) < 0.18
    }
}
