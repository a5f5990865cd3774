pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Window

// What a kiosk shows when it has no usable pack (OutOfService in C++): "out of service"
// in every configured language, and the emergency numbers. It uses no pack, no service
// and so not Theme either (Theme reads the session's settings, which need a pack): its
// few colours are Theme's own values, written here.
Window {
    id: root

    /** From OutOfService::notices(): one entry per language. */
    required property var notices
    /** From OutOfService::numbers(). */
    required property list<string> numbers

    readonly property color background: "#f4f1ea"
    readonly property color surface: "#ffffff"
    readonly property color text: "#1a1a1a"
    readonly property color border: "#6b6b6b"
    readonly property color emergency: "#b71c1c"
    readonly property color emergencyInk: "white"
    readonly property int gap: Math.round(height / 60)
    readonly property int columns: Math.min(5, Math.max(1, notices.length))

    width: 1920
    height: 1080
    title: "Passerelle"
    color: background

    // The numbers need no language: large, first.
    Rectangle {
        id: numbers
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: root.height / 6
        color: root.emergency

        Row {
            anchors.centerIn: parent
            spacing: root.gap * 8
            LayoutMirroring.enabled: false

            Repeater {
                model: root.numbers
                delegate: Text {
                    required property string modelData
                    text: modelData
                    color: root.emergencyInk
                    font.pixelSize: Math.min(numbers.height * 0.55, root.width / 14)
                    font.bold: true
                }
            }
        }
    }

    Grid {
        id: grid
        anchors { left: parent.left; right: parent.right; top: numbers.bottom; bottom: parent.bottom; margins: root.gap }
        columns: root.columns
        spacing: root.gap

        Repeater {
            model: root.notices
            delegate: Rectangle {
                id: card
                required property var modelData
                readonly property int rows: Math.ceil(root.notices.length / root.columns)
                width: (grid.width - (root.columns - 1) * grid.spacing) / root.columns
                height: (grid.height - (rows - 1) * grid.spacing) / rows
                color: root.surface
                border.color: root.border
                border.width: 2
                radius: root.gap / 2
                LayoutMirroring.enabled: modelData.rightToLeft
                LayoutMirroring.childrenInherit: true

                Column {
                    anchors { fill: parent; margins: root.gap }
                    spacing: root.gap / 2

                    Text {
                        width: parent.width
                        text: card.modelData.title
                        color: root.emergency
                        font.pixelSize: Math.round(root.height / 30)
                        font.bold: true
                        wrapMode: Text.Wrap
                        horizontalAlignment: Text.AlignLeft
                    }
                    Text {
                        width: parent.width
                        text: card.modelData.message
                        color: root.text
                        font.pixelSize: Math.round(root.height / 50)
                        wrapMode: Text.Wrap
                        horizontalAlignment: Text.AlignLeft
                    }
                    Repeater {
                        model: card.modelData.lines
                        delegate: Text {
                            required property string modelData
                            width: parent.width
                            text: modelData
                            color: root.text
                            font.pixelSize: Math.round(root.height / 56)
                            wrapMode: Text.Wrap
                            horizontalAlignment: Text.AlignLeft
                        }
                    }
                }
            }
        }
    }
}
