pragma ComponentBehavior: Bound
import QtQuick
import Passerelle.Kiosk
import Passerelle.Ui

// One service on its own (route service/<id>): its name as the title, and the card a
// page shows: address, phones, opening hours and the QR code of the contact.
Item {
    id: root
    required property string serviceId

    ServiceModel {
        id: service
        content: Content
        language: Session.language
        serviceId: root.serviceId
    }

    ScreenTitle {
        id: title
        anchors { top: parent.top; left: parent.left; right: parent.right; margins: Theme.margin }
        pictogram: "map-pin"
        text: service.name
        speech: service.nameAudio
    }

    Repeater {
        model: service
        delegate: BlockView {
            required property var model
            objectName: "serviceCard"
            anchors { top: title.bottom; left: root.left; right: root.right; margins: Theme.margin }
            block: model
            index: -1
        }
    }
}
