import QtQuick
import Passerelle.Ui

// The keyboard focus ring around its parent (ACCESSIBILITY.md req. 18): Theme.focusRingWidth
// wide, Theme.focusRingGap outside the control, so that it stands against the background
// on both sides, in both colour modes (tested in tst_theme).
Rectangle {
    property bool shown: false
    objectName: "focusRing"
    anchors { fill: parent; margins: -(Theme.focusRingGap + Theme.focusRingWidth) }
    visible: shown
    color: "transparent"
    radius: Theme.radius + Theme.focusRingGap
    border.color: Theme.focusRing
    border.width: Theme.focusRingWidth
}
