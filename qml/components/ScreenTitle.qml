import QtQuick
import Passerelle.Ui

// The title of a screen, with its pictogram.
Row {
    id: root
    property string pictogram
    property string text
    spacing: Theme.gap

    Pictogram { name: root.pictogram; visible: root.pictogram.length > 0 }
    KioskText {
        width: root.width - (root.pictogram.length > 0 ? Theme.pictogramSize + Theme.gap : 0)
        anchors.verticalCenter: parent.verticalCenter
        text: root.text
        font.pixelSize: Theme.titleSize
        font.bold: true
        Accessible.role: Accessible.Heading
        Accessible.name: root.text
    }
}
