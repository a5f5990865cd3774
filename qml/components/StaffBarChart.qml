pragma ComponentBehavior: Bound
import QtQuick
import Passerelle.Ui

// Horizontal bars, one per row of a usage chart model (roles label, count, share).
Column {
    id: root
    property var model
    property string emptyText

    spacing: Theme.gap / 3
    Accessible.role: Accessible.Chart
    Accessible.name: emptyLabel.visible ? root.emptyText : ""

    KioskText {
        id: emptyLabel
        visible: bars.count === 0
        text: root.emptyText
        color: Theme.textMuted
        font.pixelSize: Theme.smallSize
    }

    Repeater {
        id: bars
        model: root.model
        delegate: Row {
            id: bar
            required property string label
            required property int count
            required property real share

            width: root.width
            spacing: Theme.gap / 2
            Accessible.role: Accessible.StaticText
            Accessible.name: bar.label + ": " + bar.count

            KioskText {
                id: name
                width: root.width * 0.34
                text: bar.label
                elide: Text.ElideRight
                wrapMode: Text.NoWrap
                // One edge for every label, whatever the script of the label.
                horizontalAlignment: Text.AlignLeft
                font.pixelSize: Theme.smallSize
            }
            Rectangle {
                anchors.verticalCenter: parent.verticalCenter
                readonly property real room: root.width - name.width - number.width - 2 * bar.spacing
                width: Math.max(Theme.borderWidth, room * bar.share)
                height: name.height * 0.7
                color: Theme.accent
                radius: Theme.borderWidth
            }
            KioskText {
                id: number
                width: Theme.touchTarget
                text: bar.count
                font.pixelSize: Theme.smallSize
                font.bold: true
            }
        }
    }
}
