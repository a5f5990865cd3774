// No "pragma ComponentBehavior: Bound" here: in Qt 6.4 a Loader cannot instantiate a
// bound Component ("outside its creation context"); fixed in later Qt versions.
import QtQuick
import Passerelle.Ui

// One block of a page, drawn by its kind: text, heading, step, item, warning,
// pictogram, service card or phone number.
Item {
    id: root

    /** The block's values (the roles of PageModel): a delegate's model, or PageModel.get(i). */
    required property var block
    required property int index
    readonly property string kind: block?.kind ?? ""
    readonly property string text: block?.text ?? ""
    readonly property string pictogram: block?.pictogram ?? ""
    readonly property int number: block?.number ?? 0
    readonly property string serviceName: block?.serviceName ?? ""
    readonly property string serviceAddress: block?.serviceAddress ?? ""
    readonly property string servicePhones: block?.servicePhones ?? ""
    readonly property string serviceHours: block?.serviceHours ?? ""
    readonly property string serviceContact: block?.serviceContact ?? ""
    readonly property bool serviceUnverified: block?.serviceUnverified ?? false
    readonly property string audio: block?.audio ?? ""
    /** Every block's audio file, so one block can be read from the page's list. */
    property var files: []
    readonly property bool reading: Narrator.speaking && Narrator.currentIndex === index

    implicitHeight: Math.max(loader.implicitHeight, listen.visible ? listen.height : 0)
    // In speech mode the keys go from block to block, each read as it gets the focus;
    // activate plays or pauses it (SpeechMode).
    activeFocusOnTab: true
    objectName: "block_" + index
    readonly property string spokenKind: "part"
    readonly property string spokenFile: audio
    /** How many blocks the page has: help says "part of the page, 2 of 7" (SpeechMode). */
    property int placeCount: 0
    FocusRing { shown: root.activeFocus }
    Accessible.role: Accessible.StaticText
    Accessible.name: root.kind === "service" ? root.serviceName + ". " + root.serviceAddress : root.text

    // The block being read aloud is outlined, so that eyes can follow the voice.
    Rectangle {
        anchors { fill: parent; margins: -Theme.mm(1) }
        visible: root.reading
        color: "transparent"
        border.color: Theme.accent
        border.width: Theme.borderWidth * 2
        radius: Theme.radius
    }

    PictogramButton {
        id: listen
        objectName: "listenBlock"
        anchors.right: parent.right
        visible: root.audio.length > 0
        pictogramName: "speaker"
        pictogramSize: Theme.mm(10)
        property bool keepsSpeech: true
        speaks: false
        focusPolicy: Qt.NoFocus // the block itself takes the focus
        //: Reads one block of a page aloud
        Accessible.name: qsTr("Listen to this part")
        onClicked: Narrator.play(root.files, root.index, true)
    }

    Loader {
        id: loader
        anchors.left: parent.left // mirrored with the layout, away from the listen button
        width: root.width - (listen.visible ? listen.width + Theme.gap : 0)
        sourceComponent: {
            switch (root.kind) {
            case "heading": return heading
            case "step": return step
            case "item": return item
            case "warning": return warning
            case "pictogram": return picture
            case "service": return service
            case "phone": return phone
            default: return paragraph
            }
        }
    }

    Component {
        id: paragraph
        KioskText { text: root.text }
    }
    Component {
        id: heading
        KioskText { text: root.text; font.pixelSize: Theme.labelSize + 4; font.bold: true }
    }
    Component {
        id: step
        Row {
            spacing: Theme.gap
            Rectangle {
                width: Theme.mm(12); height: width; radius: width / 2
                color: Theme.accent
                KioskText {
                    anchors.centerIn: parent
                    text: root.number
                    color: Theme.accentInk
                    font.bold: true
                }
            }
            Pictogram { name: root.pictogram }
            KioskText {
                width: loader.width - Theme.mm(12) - Theme.pictogramSize - 2 * Theme.gap
                text: root.text
                anchors.verticalCenter: parent.verticalCenter
            }
        }
    }
    Component {
        id: item
        Row {
            spacing: Theme.gap
            Pictogram { name: root.pictogram.length > 0 ? root.pictogram : "check"; size: Theme.mm(10) }
            KioskText { width: loader.width - Theme.mm(10) - Theme.gap; text: root.text }
        }
    }
    Component {
        id: warning
        Rectangle {
            implicitHeight: warningRow.implicitHeight + 2 * Theme.gap
            color: Theme.warningBackground
            border.color: Theme.warningBorder
            border.width: Theme.borderWidth * 2
            radius: Theme.radius
            Row {
                id: warningRow
                x: Theme.gap; y: Theme.gap
                spacing: Theme.gap
                Pictogram { name: "warning" }
                KioskText {
                    width: loader.width - Theme.pictogramSize - 3 * Theme.gap
                    text: root.text
                    font.bold: true
                    anchors.verticalCenter: parent.verticalCenter
                }
            }
        }
    }
    Component {
        id: picture
        Column {
            spacing: Theme.mm(1)
            Pictogram { name: root.pictogram; size: Theme.tilePictogramSize; anchors.horizontalCenter: parent.horizontalCenter }
        }
    }
    Component {
        id: service
        Rectangle {
            implicitHeight: serviceRow.implicitHeight + 2 * Theme.gap
            color: Theme.surface
            border.color: Theme.border
            border.width: Theme.borderWidth
            radius: Theme.radius
            Row {
                id: serviceRow
                x: Theme.gap; y: Theme.gap
                spacing: Theme.gap
                Pictogram { name: "map-pin" }
                Column {
                    width: loader.width - Theme.pictogramSize - (qr.visible ? qr.width + Theme.gap : 0) - 3 * Theme.gap
                    spacing: Theme.mm(1)
                    KioskText { width: parent.width; text: root.serviceName; font.bold: true }
                    KioskText { width: parent.width; text: root.serviceAddress; visible: text.length > 0 }
                    KioskText { width: parent.width; text: root.servicePhones; visible: text.length > 0; font.bold: true }
                    KioskText { width: parent.width; text: root.serviceHours; visible: text.length > 0 }
                    KioskText {
                        width: parent.width
                        visible: root.serviceUnverified
                        color: Theme.textMuted
                        font.pixelSize: Theme.smallSize
                        //: Under a service whose address, phone or hours no recent source confirms
                        text: qsTr("Some of this may have changed: check at the desk.")
                    }
                }
                // Take the contact home: a phone's camera reads it, no network needed.
                Image {
                    id: qr
                    objectName: "serviceQr"
                    visible: root.serviceContact.length > 0
                    width: Theme.mm(40); height: width
                    sourceSize: Qt.size(width, height)
                    source: visible ? "image://qr/" + encodeURIComponent(root.serviceContact) : ""
                    smooth: false
                    Accessible.role: Accessible.Graphic
                    Accessible.name: qsTr("QR code with this contact, for your phone")
                }
            }
        }
    }
    Component {
        id: phone
        Row {
            spacing: Theme.gap
            Pictogram { name: "phone" }
            KioskText {
                text: root.text
                font.pixelSize: Theme.titleSize
                font.bold: true
                anchors.verticalCenter: parent.verticalCenter
            }
        }
    }
}
