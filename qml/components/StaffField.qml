import QtQuick
import Passerelle.Ui

// One figure of the staff screen: what it is, and its value (a dash when unknown).
Row {
    id: root
    property string label
    property string value
    property bool warning: false

    spacing: Theme.gap
    Accessible.role: Accessible.StaticText
    Accessible.name: root.label + ": " + (root.value.length > 0 ? root.value : "inconnu")

    KioskText {
        id: labelText
        width: root.width * 0.38
        text: root.label
        color: Theme.textMuted
        font.pixelSize: Theme.smallSize
    }
    KioskText {
        width: root.width - labelText.width - root.spacing
        text: root.value.length > 0 ? root.value : "\u2014"
        color: root.warning ? Theme.warningBorder : Theme.text
        font.pixelSize: Theme.smallSize
        font.bold: true
    }
}
