pragma ComponentBehavior: Bound
import QtQuick
import Passerelle.Ui

// Vertical bars, one per day (roles label, count, share), the newest on the right
// (on the left in right-to-left layouts: the Row mirrors).
Row {
    id: root
    property var model
    property int barAreaHeight: Theme.touchTarget * 2

    spacing: Theme.gap / 3
    Accessible.role: Accessible.Chart

    Repeater {
        id: days
        model: root.model
        delegate: Column {
            id: day
            required property string label
            required property int count
            required property real share

            width: (root.width - root.spacing * (days.count - 1)) / Math.max(1, days.count)
            Accessible.role: Accessible.StaticText
            Accessible.name: day.label + ": " + day.count

            KioskText {
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                text: day.count
                font.pixelSize: Theme.smallSize
            }
            Item {
                width: parent.width
                height: root.barAreaHeight
                Rectangle {
                    anchors { bottom: parent.bottom; horizontalCenter: parent.horizontalCenter }
                    width: parent.width * 0.7
                    height: Math.max(Theme.borderWidth, parent.height * day.share)
                    color: Theme.accent
                    radius: Theme.borderWidth
                }
            }
            KioskText {
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                text: day.label
                color: Theme.textMuted
                font.pixelSize: Theme.smallSize
            }
        }
    }
}
