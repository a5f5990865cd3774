pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Window
import Passerelle.Preview

// passerelle --preview: the kiosk's screen, which ContentPreview puts into kioskHost (a new
// one after each good build), and over it the errors of the last build.
Window {
    id: root
    required property ContentPreview preview

    title: root.preview.title
    color: "black"

    /** The size the kiosk is laid out for; on a smaller screen it is shown scaled (windowfit.h). */
    property size designSize: Qt.size(width, height)

    Item {
        id: kioskHost
        objectName: "kioskHost"
        width: root.designSize.width
        height: root.designSize.height
        transformOrigin: Item.TopLeft
        scale: Math.min(root.width / width, root.height / height)
    }

    // Before the first build is on screen.
    Text {
        anchors.centerIn: parent
        visible: !root.preview.hasContent && !root.preview.hasErrors
        text: root.preview.summary
        color: "white"
        font.pixelSize: 28
    }

    ProblemPanel {
        objectName: "problemPanel"
        visible: root.preview.hasErrors
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        // Over the last good build, leaving its top half in view; alone, the whole window.
        height: root.preview.hasContent ? Math.min(implicitHeight, parent.height / 2) : parent.height
        summary: root.preview.summary
        problems: root.preview.problems
    }
}
