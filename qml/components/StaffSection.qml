import QtQuick
import Passerelle.Ui

// A titled card of the staff screen; its children stack in a column.
Rectangle {
    id: root
    property string title
    default property alias content: body.data

    implicitHeight: heading.implicitHeight + body.implicitHeight + 3 * Theme.gap
    color: Theme.surface
    border.color: Theme.border
    border.width: Theme.borderWidth
    radius: Theme.radius

    KioskText {
        id: heading
        anchors { top: parent.top; left: parent.left; right: parent.right; margins: Theme.gap }
        text: root.title
        font.pixelSize: Theme.labelSize
        font.bold: true
        Accessible.role: Accessible.Heading
        Accessible.name: root.title
    }
    Column {
        id: body
        anchors { top: heading.bottom; left: parent.left; right: parent.right; margins: Theme.gap }
        spacing: Theme.gap / 2
    }
}
